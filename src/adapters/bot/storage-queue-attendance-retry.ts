/**
 * Later reads of a late attendance report, as Storage queue messages hidden until they are due
 * (Azure's queue trigger, or the local poller, hands each to the bot's `retryAttendance`).
 */
import type { QueueClient } from '@azure/storage-queue';
import { z } from 'zod';
import type { AttendanceRetry } from '../../core/ports/meeting-attendance';
import { fail, ok, type Result } from '../../core/result';

export const ATTENDANCE_RETRY_QUEUE = 'bot-attendance-retry';

const RetryMessage = z
  .object({
    tenantId: z.string().min(1).max(100),
    relationshipId: z.string().min(1).max(200),
    meetingId: z.string().min(1).max(200),
    endedAt: z.number().int(),
    attempt: z.number().int().min(1).max(20),
  })
  .strict();

export class StorageQueueAttendanceRetries {
  constructor(private readonly queue: QueueClient) {}

  async ensure(): Promise<void> {
    await this.queue.createIfNotExists();
  }

  async later(retry: AttendanceRetry, delayMs: number): Promise<Result<void>> {
    try {
      // Storage hides a message for at most 7 days; these waits are minutes.
      await this.queue.sendMessage(JSON.stringify(retry), { visibilityTimeout: Math.max(0, Math.ceil(delayMs / 1000)), messageTimeToLive: -1 });
      return ok(undefined);
    } catch (error) {
      return fail('DELIVERY.QUEUE_UNAVAILABLE', `The attendance retry could not be queued: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The retry a queue message carries; undefined for a message that is not one (it goes to the poison queue). */
  read(text: string): AttendanceRetry | undefined {
    try {
      const parsed = RetryMessage.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}
