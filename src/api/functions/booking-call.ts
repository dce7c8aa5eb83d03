/** Shared by the booking functions: the calendar deps for this call, chosen by the host. */
import type { BookingDeps } from '../../core/booking';
import type { Result } from '../../core/result';
import type { ApiServices } from '../api-services';
import type { ApiCall } from '../http-contract';

export const bookingDepsOf = (call: ApiCall, services: ApiServices): Result<BookingDeps> =>
  services.booking.forRequest(call.principal, call.request.header('authorization'));
