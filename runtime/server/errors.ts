/**
 * Errors of the server endpoints. `authenticate` throws `AuthenticationError` to refuse a request
 * (answered 401, which zero-cache shows the client as 'needs-auth'); everything a client sent that
 * the server will not run becomes a Zero `ApplicationError`, so the client gets a per-query or
 * per-mutation error and zero-cache keeps serving everybody else.
 */
import { ZeroRecordError } from '../core/errors.ts';

/** The request carries no valid credentials. Thrown by your `authenticate` hook; answered with HTTP 401. */
export class AuthenticationError extends ZeroRecordError {}

