// util.time (time-helpers-in-util-time-js.html): formats are Java DateTimeFormatter
// patterns and zones are Java zone ids or offsets ("Australia/Perth", "+08:00").
// js-joda implements java.time, DateTimeFormatter patterns included; text fields
// (MMM, EEE, a) use the en-US locale, the JVM's usual default.
import {
  DateTimeFormatter,
  Instant,
  LocalDate,
  LocalTime,
  ZonedDateTime,
  ZoneId,
  ZoneOffset,
  type TemporalAccessor,
} from '@js-joda/core';
import { Locale } from '@js-joda/locale';
import '@js-joda/locale_en-us';
import '@js-joda/timezone';
import { ByteBoundedCache } from '../../cache/byte-bounded.ts';

// Patterns may come from a request's arguments: kept within a byte budget, not one per pattern ever seen.
const formatters = new ByteBoundedCache<DateTimeFormatter>(4 * 1024 * 1024, 64 * 1024);

function formatter(pattern: string): DateTimeFormatter {
  return formatters.remember(pattern, () => pattern.length * 64, () => DateTimeFormatter.ofPattern(pattern).withLocale(Locale.US));
}

const zone = (id: string | undefined): ZoneId => (id === undefined || id === null ? ZoneOffset.UTC : ZoneId.of(id));

/** 2018-02-06T19:01:35.749Z: milliseconds always, Z for UTC. */
export const nowISO8601 = (): string => new Date().toISOString();
export const nowEpochSeconds = (): number => Math.floor(Date.now() / 1000);
export const nowEpochMilliSeconds = (): number => Date.now();

export const nowFormatted = (format: string, timezone?: string): string => epochMilliSecondsToFormatted(Date.now(), format, timezone);

export const epochMilliSecondsToSeconds = (ms: number): number => Math.floor(ms / 1000);
export const epochMilliSecondsToISO8601 = (ms: number): string => new Date(ms).toISOString();

export function epochMilliSecondsToFormatted(ms: number, format: string, timezone?: string): string {
  return ZonedDateTime.ofInstant(Instant.ofEpochMilli(ms), zone(timezone)).format(formatter(format));
}

export function parseISO8601ToEpochMilliSeconds(text: string): number {
  return ZonedDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
}

/** The zone in the text wins; else the one given; else UTC. A missing time of day is midnight. */
export function parseFormattedToEpochMilliSeconds(text: string, format: string, timezone?: string): number {
  const parsed: TemporalAccessor = formatter(format).parse(text);
  const date = LocalDate.from(parsed);
  let time = LocalTime.MIDNIGHT;
  try {
    time = LocalTime.from(parsed);
  } catch {
    // A date-only pattern: midnight.
  }
  let at: ZoneId;
  try {
    at = ZoneId.from(parsed);
  } catch {
    at = zone(timezone);
  }
  return ZonedDateTime.of(date, time, at).toInstant().toEpochMilli();
}
