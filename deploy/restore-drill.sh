#!/usr/bin/env bash
# Restore drill (docs/operations.md, "Backup and restore"): backs up a running Shencha, wipes its database and
# image directory, restores both from the backup and checks that nothing was lost: the same number of candidates,
# image rows and open review tasks, every image's file present and byte-identical (its SHA-256 equals the one its
# row recorded at upload), and the app starts again on the restored data.
#
#   DRILL_DB=mariadb DB_NAME=shencha DB_USER=root SHENCHA_STORAGE_DIR=/srv/shencha/images \
#     APP_CMD='java -jar shencha.jar' deploy/restore-drill.sh
#   DRILL_DB=h2 H2_FILE=./data/shencha-demo SHENCHA_STORAGE_DIR=./data/images deploy/restore-drill.sh   # the demo
#
# Settings (environment):
#   DRILL_DB             mariadb (MariaDB or MySQL: mariadb-dump or mysqldump, hot backup) or h2 (the demo's file
#                        database: copied while the app is stopped)
#   DB_HOST DB_PORT DB_NAME DB_USER DB_PASSWORD   the MariaDB database (127.0.0.1 3306 shencha shencha "")
#   H2_FILE              the H2 database without .mv.db (./data/shencha-demo); H2_USER (sa), H2_PASSWORD ("")
#   H2_JAR               H2's jar for its Shell tool; by default taken out of SHENCHA_JAR
#   SHENCHA_STORAGE_DIR  the image directory (./data/images)
#   SHENCHA_JAR          the app's jar (the newest target/shencha-*.jar)
#   APP_CMD              how to start the app (java -jar $SHENCHA_JAR); its own settings come from the environment
#   APP_URL              where it answers (http://127.0.0.1:${PORT:-8080})
#   APP_PID              the running app's process id: the drill backs it up and stops it; when empty, the drill
#                        starts the app first with APP_CMD
#   DRILL_DIR            where the backup and the logs go (./restore-drill); DRILL_KEEP_RUNNING=1 leaves the
#                        restored app running at the end
#   DRILL_WAIT_SECONDS   how long the app may take to start (300)
# Exit code 0 when the restore is complete, 1 when anything differs, 2 when the drill cannot run.
set -euo pipefail

DRILL_DB=${DRILL_DB:?set DRILL_DB to mariadb or h2}
DRILL_DIR=${DRILL_DIR:-./restore-drill}
STORAGE=${SHENCHA_STORAGE_DIR:-./data/images}
APP_URL=${APP_URL:-http://127.0.0.1:${PORT:-8080}}
WAIT=${DRILL_WAIT_SECONDS:-300}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_NAME=${DB_NAME:-shencha}
DB_USER=${DB_USER:-shencha}
DB_PASSWORD=${DB_PASSWORD:-}
H2_FILE=${H2_FILE:-./data/shencha-demo}
H2_USER=${H2_USER:-sa}
H2_PASSWORD=${H2_PASSWORD:-}

fail() { echo "restore drill: $*" >&2; exit 2; }
step() { echo "restore drill: $*"; }

mkdir -p "$DRILL_DIR"
DRILL_DIR=$(cd "$DRILL_DIR" && pwd)
BACKUP="$DRILL_DIR/backup"
rm -rf "$BACKUP"
mkdir -p "$BACKUP/images"

if [ -z "${SHENCHA_JAR:-}" ]; then
  SHENCHA_JAR=$(ls -t target/shencha-*.jar 2>/dev/null | grep -v original | head -1 || true)
fi
APP_CMD=${APP_CMD:-java -jar ${SHENCHA_JAR:-shencha.jar}}

case "$DRILL_DB" in
  mariadb)
    DUMP=$(command -v mariadb-dump || command -v mysqldump || true)
    CLIENT=$(command -v mariadb || command -v mysql || true)
    [ -n "$DUMP" ] && [ -n "$CLIENT" ] || fail "mariadb-dump (or mysqldump) and the mariadb client are needed"
    export MYSQL_PWD="$DB_PASSWORD"
    sql() { "$CLIENT" --protocol=tcp -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" -N -B "$DB_NAME" -e "$1"; }
    ;;
  h2)
    if [ -z "${H2_JAR:-}" ]; then
      [ -f "${SHENCHA_JAR:-}" ] || fail "set H2_JAR or SHENCHA_JAR (H2's Shell tool comes from the app's jar)"
      mkdir -p "$DRILL_DIR/h2"
      (cd "$DRILL_DIR/h2" && jar xf "$SHENCHA_JAR" $(jar tf "$SHENCHA_JAR" | grep 'BOOT-INF/lib/h2-.*\.jar$'))
      H2_JAR=$(ls "$DRILL_DIR"/h2/BOOT-INF/lib/h2-*.jar | head -1)
    fi
    H2_URL="jdbc:h2:file:$(cd "$(dirname "$H2_FILE")" && pwd)/$(basename "$H2_FILE")"
    # H2's Shell prints a header line and a "(n rows, ...)" line around the values.
    sql() { java -cp "$H2_JAR" org.h2.tools.Shell -url "$H2_URL" -user "$H2_USER" -password "$H2_PASSWORD" -sql "$1" \
              | sed '1d' | grep -v '^(.* rows\?, .*)$' | grep -v '^$' || true; }
    ;;
  *) fail "DRILL_DB must be mariadb or h2" ;;
esac

app_pid=${APP_PID:-}
start_app() {
  step "starting the app: ${APP_CMD%% *} … (log $DRILL_DIR/app-$1.log)"
  # shellcheck disable=SC2086
  $APP_CMD >"$DRILL_DIR/app-$1.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 "$WAIT"); do
    if curl -fsS "$APP_URL/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      step "the app answers at $APP_URL (pid $app_pid)"
      return 0
    fi
    kill -0 "$app_pid" 2>/dev/null || { tail -50 "$DRILL_DIR/app-$1.log" >&2; fail "the app stopped while starting"; }
    sleep 1
  done
  fail "the app did not answer within $WAIT s"
}
stop_app() {
  [ -n "$app_pid" ] || return 0
  step "stopping the app (pid $app_pid)"
  kill "$app_pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$app_pid" 2>/dev/null || { app_pid=; return 0; }; sleep 1; done
  kill -9 "$app_pid" 2>/dev/null || true
  app_pid=
}
trap 'if [ -n "$app_pid" ] && [ "${DRILL_KEEP_RUNNING:-0}" != 1 ]; then stop_app; fi' EXIT

# What the drill compares: counts, and every image row's key with the SHA-256 it recorded at upload.
census() {
  {
    echo "candidates $(sql 'select count(*) from candidate')"
    echo "images $(sql "select count(*) from material_image where state <> 'PURGED'")"
    echo "open-tasks $(sql 'select count(*) from ACT_RU_TASK')"
  } >"$1.counts"
  sql "select concat(storage_key, ' ', sha256) from material_image where state <> 'PURGED' order by storage_key" >"$1.rows"
  # Every row's file, byte for byte: its SHA-256 as the file store has it now.
  local missing=0 differ=0 key sha actual
  while read -r key sha; do
    [ -n "$key" ] || continue
    if [ ! -f "$STORAGE/$key" ]; then missing=$((missing + 1)); continue; fi
    actual=$(sha256sum "$STORAGE/$key" | cut -d' ' -f1)
    [ "$actual" = "$sha" ] || differ=$((differ + 1))
  done <"$1.rows"
  echo "files-missing $missing" >>"$1.counts"
  echo "files-different $differ" >>"$1.counts"
}

[ -n "$app_pid" ] || start_app 1

# 1. The backup: the database first, then the images. A file written after the dump is only an extra (an orphan
#    that the image sweeper removes after the restore); the other order could restore rows without their files.
if [ "$DRILL_DB" = mariadb ]; then
  step "dumping $DB_NAME while the app runs (one consistent snapshot: --single-transaction)"
  "$DUMP" --protocol=tcp -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" --single-transaction --quick --routines \
    --triggers --hex-blob "$DB_NAME" >"$BACKUP/database.sql"
  step "copying the images"
  cp -a "$STORAGE/." "$BACKUP/images/" 2>/dev/null || true
  stop_app
else
  # The H2 file database is open (locked) while the app runs: stop it, then copy the file.
  stop_app
  step "copying $H2_FILE.mv.db and the images"
  cp -a "$H2_FILE.mv.db" "$BACKUP/database.mv.db"
  cp -a "$STORAGE/." "$BACKUP/images/" 2>/dev/null || true
fi
census "$DRILL_DIR/before"
step "before: $(tr '\n' ' ' <"$DRILL_DIR/before.counts")"

# 2. Wipe: the database and the image directory are gone.
step "wiping the database and $STORAGE"
if [ "$DRILL_DB" = mariadb ]; then
  "$CLIENT" --protocol=tcp -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" -e \
    "DROP DATABASE \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"
else
  rm -f "$H2_FILE.mv.db" "$H2_FILE.trace.db"
fi
rm -rf "$STORAGE"

# 3. Restore: the database, then the images.
step "restoring the database and the images"
if [ "$DRILL_DB" = mariadb ]; then
  "$CLIENT" --protocol=tcp -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" "$DB_NAME" <"$BACKUP/database.sql"
else
  cp -a "$BACKUP/database.mv.db" "$H2_FILE.mv.db"
fi
mkdir -p "$STORAGE"
cp -a "$BACKUP/images/." "$STORAGE/"
census "$DRILL_DIR/after"
step "after:  $(tr '\n' ' ' <"$DRILL_DIR/after.counts")"

# 4. Check: the same counts and rows, every file there and byte-identical, and the app starts on it.
status=0
if ! diff -u "$DRILL_DIR/before.counts" "$DRILL_DIR/after.counts"; then status=1; fi
if ! diff -q "$DRILL_DIR/before.rows" "$DRILL_DIR/after.rows" >/dev/null; then
  echo "restore drill: the image rows differ" >&2; status=1
fi
if ! grep -qx 'files-missing 0' "$DRILL_DIR/after.counts" || ! grep -qx 'files-different 0' "$DRILL_DIR/after.counts"; then
  echo "restore drill: image files are missing or differ from their rows" >&2; status=1
fi
start_app 2
if [ "${DRILL_KEEP_RUNNING:-0}" != 1 ]; then stop_app; fi
if [ "$status" = 0 ]; then
  step "passed: $(tr '\n' ' ' <"$DRILL_DIR/after.counts")"
else
  step "FAILED (see the differences above)"
fi
exit "$status"
