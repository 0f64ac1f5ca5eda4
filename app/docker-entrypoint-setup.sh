#!/bin/sh
# One-shot setup for compose (service `setup`): wait for PostgreSQL, apply
# migrations, load the deterministic demo data (no-op if already loaded).
set -eu
cd "$(dirname "$0")"
echo "setup: waiting for the database at ${POSTGRES_HOST:-db}:${POSTGRES_PORT:-5432} ..."
python manage.py wait_for_db --timeout "${SETUP_DB_WAIT_SECONDS:-60}"
echo "setup: applying migrations ..."
python manage.py migrate --noinput
echo "setup: seeding ..."
python manage.py seed
echo "setup: done"
