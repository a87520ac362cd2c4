-- 0002: policies, unique by reference number
CREATE TABLE policies (
  id SERIAL PRIMARY KEY,
  reference_number TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  effective_date DATE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
