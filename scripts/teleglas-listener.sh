# shellcheck shell=bash
# Sourced by status.sh and upgrade.sh (installed beside them in PREFIX/bin); defines http_base.

# http_base ENV_FILE VARIABLE DEFAULT: the bot's listener as a URL base, or "off", read from the
# installation's .env like the service does. The real environment would win over .env, but the
# units set no listener variable, so .env (or the default) is what the service uses.
http_base() {
  local env_file=$1 variable=$2 default=$3 value=
  if [[ -r "$env_file" ]]; then
    value=$(sed -n "s/^[[:space:]]*${variable}[[:space:]]*=[[:space:]]*//p" "$env_file" | tail -n 1)
    value=${value%\"}
    value=${value#\"}
    value=${value%"${value##*[![:space:]]}"}
  fi
  value=${value:-$default}
  if [[ "$value" == off ]]; then
    echo off
    return
  fi
  local host=${value%:*} port=${value##*:}
  [[ "$host" == 0.0.0.0 ]] && host=127.0.0.1
  echo "http://$host:$port"
}
