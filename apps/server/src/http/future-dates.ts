import { DomainError, futureDateIssues } from '@qorgau/core';
import { kazakhstanDate } from '../util/kazakhstan-date.ts';

/**
 * Birth, encounter and decision dates after today are refused (issue #8). "Today" is
 * Kazakhstan's date from the injected clock, which a zod contract cannot see: the service
 * calls this and the answer has the same field-level 400 shape as a contract failure.
 */
export function refuseFutureDates(now: Date, fields: Record<string, string | null | undefined>): void {
  const issues = futureDateIssues(kazakhstanDate(now), fields);
  if (issues.length) throw new DomainError('validation_failed', issues);
}
