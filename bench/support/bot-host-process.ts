/**
 * The API process for `bot-oversize-body-rss-growth`: the local host as `npm start` runs it (API,
 * identity issuer, the bot's POST /api/messages), in a process of its own started with --expose-gc,
 * so the bench can ask for its RSS after a full garbage collection over IPC.
 */
import { localBotDemoService, localBotMessagesService } from '../../src/local/bot/local-bot.service';
import { startLocalStack } from '../../src/local/start-local-stack';

const collect = (globalThis as { gc?: () => void }).gc;

async function main(): Promise<void> {
  if (!collect || !process.send) throw new Error('Start with --expose-gc and an IPC channel.');
  const stack = await startLocalStack({ httpPort: 0, seed: false, services: [localBotMessagesService, localBotDemoService] });
  process.on('message', (message: unknown) => {
    if (message === 'rss') {
      // Several passes with a pause: a young-generation pass promotes, the next full one frees.
      for (let i = 0; i < 3; i++) collect();
      setTimeout(() => {
        collect();
        process.send?.({ rss: process.memoryUsage().rss });
      }, 200);
    } else if (message === 'stop') {
      void stack.stop().finally(() => process.exit(0));
    }
  });
  process.send({ baseUrl: stack.baseUrl });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
