/**
 * The Graph v1.0 fields this product relies on, validated when they come in. Objects are loose
 * (`z.looseObject`) because Graph adds properties over time; only what we read is required.
 */
import { z } from 'zod';
import { FREE_BUSY_STATUSES } from '../../core/scheduling/free-busy-status';

export const dateTimeTimeZoneSchema = z.looseObject({
  dateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/),
  timeZone: z.string(),
});
export type DateTimeTimeZone = z.infer<typeof dateTimeTimeZoneSchema>;

const weekdayName = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

export const workingHoursSchema = z.looseObject({
  daysOfWeek: z.array(weekdayName),
  startTime: z.string().regex(/^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/),
  endTime: z.string().regex(/^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/),
  timeZone: z.looseObject({ name: z.string() }),
});
export type WorkingHours = z.infer<typeof workingHoursSchema>;

export const scheduleItemSchema = z.looseObject({
  status: z.enum(FREE_BUSY_STATUSES),
  start: dateTimeTimeZoneSchema,
  end: dateTimeTimeZoneSchema,
});

export const scheduleInformationSchema = z.looseObject({
  scheduleId: z.string(),
  scheduleItems: z.array(scheduleItemSchema).optional(),
  workingHours: workingHoursSchema.optional(),
  error: z.looseObject({ message: z.string().optional(), responseCode: z.string().optional() }).optional(),
});
export type ScheduleInformation = z.infer<typeof scheduleInformationSchema>;

export const getScheduleResponseSchema = z.looseObject({ value: z.array(scheduleInformationSchema) });

export const mailboxSettingsSchema = z.looseObject({
  timeZone: z.string().optional(),
  workingHours: workingHoursSchema.optional(),
});

export const attendeeSchema = z.looseObject({
  type: z.string().optional(),
  emailAddress: z.looseObject({ address: z.string(), name: z.string().optional() }),
  status: z
    .looseObject({
      response: z.enum(['none', 'organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded']),
    })
    .optional(),
});

export const openExtensionSchema = z.looseObject({
  extensionName: z.string().optional(),
  id: z.string().optional(),
  relationshipId: z.string().optional(),
  meetingId: z.string().optional(),
});

export const eventSchema = z.looseObject({
  id: z.string().min(1),
  iCalUId: z.string().nullable().optional(),
  start: dateTimeTimeZoneSchema,
  end: dateTimeTimeZoneSchema,
  isCancelled: z.boolean().optional(),
  transactionId: z.string().nullable().optional(),
  attendees: z.array(attendeeSchema).optional(),
  onlineMeeting: z.looseObject({ joinUrl: z.string().nullable().optional() }).nullable().optional(),
  extensions: z.array(openExtensionSchema).optional(),
  singleValueExtendedProperties: z.array(z.looseObject({ id: z.string(), value: z.string() })).optional(),
});
export type GraphEvent = z.infer<typeof eventSchema>;

export const batchResponseSchema = z.looseObject({
  responses: z.array(
    z.looseObject({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
    }),
  ),
});
export type BatchResponse = z.infer<typeof batchResponseSchema>;

export const graphErrorBodySchema = z.looseObject({
  error: z.looseObject({ code: z.string().optional(), message: z.string().optional() }),
});
