# The gambit-* shims' common part, read by each of them (bash). A shim's request goes to a running
# `spiral daemon` when there is one (its file: SPIRAL_DAEMON_FILE, else cli/target/spiral.daemon;
# it is used unless SPIRAL names another spiral command and SPIRAL_DAEMON_FILE is unset), else to
# the spiral command (SPIRAL, default the repository's launcher). The daemon answers with the
# tool's standard error, standard output and exit code; a daemon that is gone, or that was
# started from a jar since rebuilt, is passed over before anything is read from standard input.

# spiral_shim TOOL ARGS...: runs gambit-TOOL; does not return
spiral_shim() {
  local tool=$1
  shift
  if [ -n "${SPIRAL_DAEMON_FILE:-}" ] || [ -z "${SPIRAL:-}" ]; then
    spiral_daemon_file=${SPIRAL_DAEMON_FILE:-$spiral_dir/../cli/target/spiral.daemon}
    # bash 4.1 or later reads a counted answer (read -N)
    if [ -r "$spiral_daemon_file" ] && [ "${BASH_VERSINFO[0]}${BASH_VERSINFO[1]}" -ge 41 ]; then
      spiral_ask "$tool" "$@" || true
    fi
  fi
  exec "${SPIRAL:-$spiral_dir/../spiral}" "$tool" "$@"
}

# spiral_ask TOOL ARGS...: the daemon runs it, and the shell exits with its exit code; returns 1
# where no daemon takes the request
spiral_ask() {
  local port token pid reply code errlen outlen err out LC_ALL=C
  { read -r port token pid <"$spiral_daemon_file"; } 2>/dev/null || return 1
  case $port in '' | *[!0-9]*) return 1 ;; esac
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  trap '' PIPE
  if ! printf '%s\0' "$token" "$1" "$PWD" "$(($# - 1))" "${@:2}" >&3 2>/dev/null; then
    trap - PIPE
    exec 3<&-
    return 1
  fi
  trap - PIPE
  IFS= read -r -u 3 reply || reply=
  if [ "$reply" = STDIN ]; then
    spiral_stdin=$(mktemp "${TMPDIR:-/tmp}/spiral-stdin.XXXXXX")
    trap 'rm -f "$spiral_stdin"' EXIT
    cat >"$spiral_stdin"
    printf '%s\0' "$spiral_stdin" >&3
    IFS= read -r -u 3 reply || reply=
  fi
  case $reply in
    "DONE "*) ;;
    *)
      if [ -z "${spiral_stdin:-}" ]; then
        exec 3<&-
        return 1
      fi
      echo "$1: the Spiral daemon stopped during the request" >&2
      exit 1
      ;;
  esac
  set -- $reply # DONE CODE ERRBYTES OUTBYTES
  code=$2 errlen=$3 outlen=$4
  if [ "$errlen" -gt 0 ]; then
    IFS= read -r -N "$errlen" -u 3 err || true
    printf '%s' "$err" >&2
  fi
  # a short answer is read by the shell itself (one byte a read), a long one by cat
  if [ "$outlen" -le 1024 ]; then
    if [ "$outlen" -gt 0 ]; then
      IFS= read -r -N "$outlen" -u 3 out || true
      printf '%s' "$out"
    fi
  else
    cat <&3
  fi
  exit "$code"
}
