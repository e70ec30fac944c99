#!/usr/bin/env bash
# Installs the system packages Vouch builds against, when they are missing (Debian/Ubuntu).
set -euo pipefail
packages=(liblmdb-dev libxml2-dev libmaxminddb-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
