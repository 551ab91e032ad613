import { Injectable } from '@nestjs/common';

/**
 * The server's notion of "now" for rules that run on time (learning sessions, checks). One
 * injectable place, so integration tests move time forward instead of sleeping.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
