import type { Page } from 'playwright-core';
import type { GridProbe } from './gridProbe.ts';

export type EditPlan = {
  /** Row labels (1-based) whose A cell is typed into; B (`=A{n}*2`) must then show twice the number. */
  rows: number[];
  edits: number;
  /** Edits made first and not counted (the first ones also pay for compiling the edit path). */
  warmup: number;
};

/**
 * Types a number into A{n} the way a person does (click, type, Enter) and
 * times, inside the page, from the Enter keydown until B{n} shows the new
 * computed value. A pause of 250 ms between edits lets Coffre's batched
 * encryption and send (100 ms) finish, so each edit is timed on its own.
 */
export async function measureEdits(page: Page, probe: GridProbe, plan: EditPlan): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < plan.warmup + plan.edits; i++) {
    const row = plan.rows[i % plan.rows.length]!;
    const value = 10_000 + i * 7; // the data's A column holds 1..1000, so every edit changes B
    const at = await probe.center(row, 0);
    if (!at) throw new Error(`row ${row} is not rendered`);
    await page.mouse.click(at.x, at.y);
    await page.keyboard.type(String(value));
    await probe.arm('enter', row, 1, String(value * 2));
    await page.keyboard.press('Enter');
    const ms = await probe.result();
    if (i >= plan.warmup) out.push(ms);
    await page.waitForTimeout(250);
  }
  return out;
}
