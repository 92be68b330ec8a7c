/** A clock the tests move by hand. */
import type { Clock } from "../../src/platform/context.js";

export class TestClock implements Clock {
  constructor(private current = new Date("2012-09-01T09:00:00Z")) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date | string): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
