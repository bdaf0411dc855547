#!/usr/bin/env bash
# in-tmpfs.sh SIZE PROGRAM [ARGS…]: runs PROGRAM in a private mount
# namespace with a fresh tmpfs of SIZE (e.g. 512k) mounted on an empty
# folder, whose path is in $ATLAS_TEST_TMPFS. Inside, PROGRAM may fill the
# tmpfs or remount it read-only; nothing is seen outside, and the mount
# ends with the namespace. Needs root or unprivileged user namespaces
# (unshare -r); exits 77 (skipped) when neither works.
set -u

size=${1:?size}; shift
mount_point=$(mktemp -d "${TMPDIR:-/tmp}/atlas-tmpfs-XXXXXX")
trap 'rmdir "$mount_point" 2>/dev/null' EXIT

if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
  unshare_args=(-m)
elif unshare -r -m true 2>/dev/null; then
  unshare_args=(-r -m)
else
  echo "no private mount namespace here (unshare -m, unshare -r -m): skipped"
  exit 77
fi

# "private" keeps the tmpfs and the remounts inside the namespace.
unshare "${unshare_args[@]}" --propagation private -- sh -c '
  mount -t tmpfs -o "size=$1,mode=0755" atlas-test "$2" || exit 77
  export ATLAS_TEST_TMPFS="$2"
  shift 2
  exec "$@"
' sh "$size" "$mount_point" "$@"
