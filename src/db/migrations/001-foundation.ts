/**
 * Schema 1: settings, the import ledger, operators, calls and orders. Rows name the import that
 * wrote them (import_id), first created them and last saw them; these are not declared foreign
 * keys, which would cost a third of the insert time: \`hotline db check\` verifies them instead.
 */
const tracking = `
  import_id INTEGER NOT NULL,
  created_import_id INTEGER NOT NULL,
  seen_import_id INTEGER NOT NULL,
  seen_line INTEGER NOT NULL`;

export const sql = `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  encoding TEXT NOT NULL,
  delimiter TEXT NOT NULL,
  profile TEXT,
  rows INTEGER NOT NULL DEFAULT 0,
  inserted INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  os_user TEXT,
  hotline_version TEXT,
  UNIQUE (kind, sha256)
);

CREATE TABLE operators (
  operator_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  team TEXT,
  hire_date TEXT NOT NULL,
  work_start_date TEXT,
  termination_date TEXT,
  level TEXT,
  base_salary REAL,
  performance_base REAL,
  monthly_wage REAL,${tracking}
);

CREATE TABLE calls (
  call_id TEXT PRIMARY KEY,
  started_at INTEGER NOT NULL,
  local_day TEXT NOT NULL,
  local_hour INTEGER NOT NULL,
  operator_id TEXT,
  direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'abandoned')),
  wait_seconds INTEGER,
  talk_seconds INTEGER,
  hold_seconds INTEGER,
  acw_seconds INTEGER,
  category TEXT CHECK (category IN ('consultation', 'complaint', 'order', 'query', 'suggestion', 'other')),
  topic TEXT,
  complaint_reason TEXT,
  customer_name TEXT,
  customer_phone TEXT,
  customer_address TEXT,
  tracking_no TEXT,
  satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
  resolved INTEGER CHECK (resolved IN (0, 1)),${tracking}
);
CREATE INDEX calls_by_day ON calls (local_day, local_hour);
CREATE INDEX calls_by_operator_day ON calls (operator_id, local_day);

CREATE TABLE orders (
  order_id TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  local_day TEXT NOT NULL,
  operator_id TEXT NOT NULL,
  tracking_no TEXT,
  call_id TEXT,
  sender_name TEXT,
  sender_phone TEXT,
  sender_address TEXT,
  receiver_name TEXT,
  receiver_phone TEXT,
  receiver_address TEXT,
  service TEXT,
  weight_kg REAL,
  fee REAL,
  status TEXT,
  corrected INTEGER CHECK (corrected IN (0, 1)),${tracking}
);
CREATE INDEX orders_by_day ON orders (local_day);
CREATE INDEX orders_by_operator_day ON orders (operator_id, local_day);
`;
