#!/bin/sh
# Oqytu's backup: pg_dump of the database into a folder, pruned after a number of days, and the restore.
# compose.prod.yml's "backup" service runs this very file ("loop"); BackupRestoreTests runs "once" and
# "restore" against the local PostgreSQL on every build, so what ships is what is tested.
#
# Oqytu keeps no files of its own on disk: uploaded materials, staged imports, sessions and job locks
# are all in PostgreSQL (decision 6), so the dump is the whole backup. The .env file (secrets) is not
# in it: keep a copy of .env somewhere safe, apart from the dumps.
#
#   backup.sh once               one dump now, checked readable, then the old ones pruned
#   backup.sh loop               "once" now and every OQYTU_BACKUP_INTERVAL_HOURS hours (the compose service)
#   backup.sh prune              only the pruning
#   backup.sh restore FILE NAME  create database NAME (it must not exist) and restore FILE into it, all or nothing
#
# Connection: the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE (default oqytu).
# OQYTU_BACKUP_DIR (default /backups), OQYTU_BACKUP_KEEP_DAYS (default 14): dumps older than that many
# days are deleted after each successful dump, OQYTU_BACKUP_INTERVAL_HOURS (default 24).
# POSIX sh: runs under the postgres image's busybox as under Debian's dash.
set -eu
# Dumps hold every account and answer: readable by the backup user only.
umask 077

dir=${OQYTU_BACKUP_DIR:-/backups}
keep=${OQYTU_BACKUP_KEEP_DAYS:-14}
interval=${OQYTU_BACKUP_INTERVAL_HOURS:-24}
database=${PGDATABASE:-oqytu}

log() {
	printf '%s oqytu-backup: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2
}

# Every step says "|| return 1": in "once || log ..." (the loop) sh ignores set -e inside the function.
once() {
	mkdir -p "$dir" || return 1
	file="$dir/oqytu-$(date -u +%Y%m%dT%H%M%SZ).dump"
	partial="$file.partial"
	# custom format: compressed, and pg_restore can restore it whole or in parts
	pg_dump --format=custom --no-owner --dbname="$database" --file="$partial" || { rm -f "$partial"; return 1; }
	# a dump pg_restore cannot read is no backup
	pg_restore --list "$partial" > /dev/null || { rm -f "$partial"; return 1; }
	mv "$partial" "$file" || return 1
	date -u +%Y-%m-%dT%H:%M:%SZ > "$dir/last-success" || return 1
	log "wrote $file ($(wc -c < "$file" | tr -d ' ') bytes) from database $database"
	prune
}

prune() {
	# -mtime +N: at least N+1 whole days old, so +(keep-1) removes dumps of keep days and older
	find "$dir" -maxdepth 1 -type f -name 'oqytu-*.dump' -mtime +"$((keep - 1))" -print | while read -r old; do
		rm -f "$old"
		log "removed $old (older than $keep days)"
	done
	# a dump interrupted half-way
	find "$dir" -maxdepth 1 -type f -name 'oqytu-*.dump.partial' -mtime +0 -exec rm -f {} +
}

restore() {
	file=$1
	target=$2
	[ -r "$file" ] || { log "cannot read $file"; exit 2; }
	# never over a database that exists: restore beside it, then point the app at it (docs/operations.md)
	createdb --template=template0 --encoding=UTF8 "$target"
	pg_restore --no-owner --single-transaction --exit-on-error --dbname="$target" "$file"
	log "restored $file into database $target"
}

case "$keep" in
	'' | *[!0-9]* | 0) log "OQYTU_BACKUP_KEEP_DAYS must be a whole number of days, at least 1 (is '$keep')"; exit 2 ;;
esac
case "$interval" in
	'' | *[!0-9]* | 0) log "OQYTU_BACKUP_INTERVAL_HOURS must be a whole number of hours, at least 1 (is '$interval')"; exit 2 ;;
esac

case "${1:-}" in
	once) once ;;
	prune) prune ;;
	loop)
		log "dumping database $database into $dir every $interval h, keeping $keep days"
		while :; do
			once || log "backup FAILED (the next try is in $interval h; $dir/last-success tells the last good one)"
			sleep "$((interval * 3600))"
		done
		;;
	restore)
		[ $# -eq 3 ] || { echo "usage: $0 restore FILE NEW_DATABASE" >&2; exit 2; }
		restore "$2" "$3"
		;;
	*)
		echo "usage: $0 once | loop | prune | restore FILE NEW_DATABASE" >&2
		exit 2
		;;
esac
