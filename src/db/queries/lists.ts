/** Row listings of what went in: calls, orders, operators, with their filters. */
import type Database from 'better-sqlite3';

export interface CallFilter {
  from?: string;
  to?: string;
  operator?: string;
  outcome?: 'answered' | 'abandoned';
  category?: string;
  direction?: 'inbound' | 'outbound';
  limit?: number;
}

const CALL_COLUMNS = `call_id, started_at, local_day, operator_id, direction, outcome, wait_seconds, talk_seconds,
  hold_seconds, acw_seconds, category, topic, complaint_reason, customer_name, customer_phone, customer_address,
  tracking_no, satisfaction, resolved`;

/** Calls by local day range and filters, in time order (the order of the day index, so a --limit needs no full sort). */
export function iterateCalls(db: Database.Database, f: CallFilter): IterableIterator<Record<string, unknown>> {
  return db
    .prepare(`SELECT ${CALL_COLUMNS} FROM calls
      WHERE (@from IS NULL OR local_day >= @from) AND (@to IS NULL OR local_day <= @to)
        AND (@operator IS NULL OR operator_id = @operator) AND (@outcome IS NULL OR outcome = @outcome)
        AND (@category IS NULL OR category = @category) AND (@direction IS NULL OR direction = @direction)
      ORDER BY local_day, local_hour, started_at, call_id LIMIT @limit`)
    .iterate({ from: f.from ?? null, to: f.to ?? null, operator: f.operator ?? null, outcome: f.outcome ?? null, category: f.category ?? null, direction: f.direction ?? null, limit: f.limit ?? -1 }) as IterableIterator<Record<string, unknown>>;
}

export interface OrderFilter {
  from?: string;
  to?: string;
  operator?: string;
  status?: string;
  corrected?: boolean;
  limit?: number;
}

/** Orders by local day range and filters, in time order. */
export function iterateOrders(db: Database.Database, f: OrderFilter): IterableIterator<Record<string, unknown>> {
  return db
    .prepare(`SELECT order_id, created_at, local_day, operator_id, tracking_no, call_id, sender_name, sender_phone, sender_address,
        receiver_name, receiver_phone, receiver_address, service, weight_kg, fee, status, corrected FROM orders
      WHERE (@from IS NULL OR local_day >= @from) AND (@to IS NULL OR local_day <= @to)
        AND (@operator IS NULL OR operator_id = @operator) AND (@status IS NULL OR status = @status)
        AND (@corrected IS NULL OR corrected = @corrected)
      ORDER BY local_day, created_at, order_id LIMIT @limit`)
    .iterate({ from: f.from ?? null, to: f.to ?? null, operator: f.operator ?? null, status: f.status ?? null, corrected: f.corrected === undefined ? null : Number(f.corrected), limit: f.limit ?? -1 }) as IterableIterator<Record<string, unknown>>;
}

export interface OperatorFilter {
  team?: string;
  /** Employed on this date. */
  activeOn?: string;
}

/** The roster, by team and operator ID. */
export function listOperators(db: Database.Database, f: OperatorFilter): Record<string, unknown>[] {
  return db
    .prepare(`SELECT operator_id, name, team, hire_date, work_start_date, termination_date, level, base_salary, performance_base, monthly_wage
      FROM operators WHERE (@team IS NULL OR team = @team)
        AND (@on IS NULL OR (hire_date <= @on AND (termination_date IS NULL OR termination_date >= @on)))
      ORDER BY team, operator_id`)
    .all({ team: f.team ?? null, on: f.activeOn ?? null }) as Record<string, unknown>[];
}
