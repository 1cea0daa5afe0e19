# Sourced by scripts that need a Debian package: apt_need WHAT PACKAGE CONSEQUENCE
# WHAT is a command name, or a file path (starting with /). When it is missing, installs PACKAGE with apt-get as root;
# otherwise warns with CONSEQUENCE. apt-get update runs once per script.
_apt_updated=""
apt_need() {
  local what="$1" package="$2" consequence="$3"
  if [[ "$what" == /* ]]; then [ -e "$what" ] && return 0; else command -v "$what" >/dev/null 2>&1 && return 0; fi
  if [ "$(id -u)" = "0" ]; then
    echo "Installing $package (apt-get)…"
    [ -n "$_apt_updated" ] || { apt-get update -qq >/dev/null; _apt_updated=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  else
    echo "warning: $package is not installed and this is not root; $consequence" >&2
  fi
}
