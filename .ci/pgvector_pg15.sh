#!/usr/bin/env bash
# Make pgvector available to this machine's system PostgreSQL 15.
# Debian bookworm packages no postgresql-15-pgvector, so when apt has none we build
# the Debian archive's own pgvector source (checksum-pinned) against
# postgresql-server-dev-15. Exits non-zero when neither works.
set -euo pipefail
PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
if apt-get install -y -qq postgresql-15-pgvector >/dev/null 2>&1; then
  echo "pgvector: installed postgresql-15-pgvector from apt"
  exit 0
fi
if [ -f "$($PG_CONFIG --sharedir 2>/dev/null)/extension/vector.control" ]; then
  echo "pgvector: already built for PostgreSQL 15"
  exit 0
fi
VERSION=0.8.0
SHA256=867a2c328d4928a5a9d6f052cd3bc78c7d60228a9b914ad32aa3db88e9de27b0
URL="https://deb.debian.org/debian/pool/main/p/pgvector/pgvector_${VERSION}.orig.tar.gz"
apt-get install -y -qq postgresql-server-dev-15 make gcc >/dev/null
WORK="$(mktemp -d /tmp/pgvector-build.XXXX)"
curl -fsSL -o "$WORK/src.tar.gz" "$URL"
echo "$SHA256  $WORK/src.tar.gz" | sha256sum -c --quiet
tar -xzf "$WORK/src.tar.gz" -C "$WORK"
# OPTFLAGS="" leaves out -march=native so the build runs on any x86_64 CPU.
make -s -C "$WORK/pgvector-${VERSION}" PG_CONFIG="$PG_CONFIG" OPTFLAGS="" -j2 >/dev/null
make -s -C "$WORK/pgvector-${VERSION}" PG_CONFIG="$PG_CONFIG" install >/dev/null
rm -rf "$WORK"
echo "pgvector: built ${VERSION} from the Debian source for PostgreSQL 15"
