import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCommand } from '../../src/bot/conversation/commands';

const appPackageDir = path.resolve(__dirname, '..', '..', 'appPackage');
const manifest = JSON.parse(readFileSync(path.join(appPackageDir, 'manifest.json'), 'utf8')) as {
  bots: { commandLists: { commands: { title: string }[] }[] }[];
};
const pl = JSON.parse(readFileSync(path.join(appPackageDir, 'pl.json'), 'utf8')) as Record<string, string>;

// Teams sends the command's title as the message text when a person picks it from the menu.
test.each(['en', 'pl'])('the bot understands every %s command title the manifest offers', (language) => {
  const titles = manifest.bots[0]!.commandLists[0]!.commands.map((c, i) =>
    language === 'en' ? c.title : pl[`bots[0].commandLists[0].commands[${i}].title`]!,
  );
  expect(titles.map(parseCommand)).toEqual(['nextMeeting', 'myActionItems', 'reschedule', 'help']);
});
