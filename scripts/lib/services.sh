# Services the tests and benchmarks run on loopback, in the caller's work folder ($work): Kannel (bearerbox, smsbox
# and its fake SMSC) and an SMTP server. Sourced by scripts/test and bench/run; the caller sets $work, $kannel_bin,
# $fakesmsc, kannel_pids=() and smtp_pid="".

# N distinct free loopback ports above PostgreSQL's range, for servers that bind them only once all are chosen.
# Tried in random order: another run on the same machine then seldom picks the same ones.
free_ports() {
  local port found=()
  for port in $(shuf -i 55500-55599); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || found+=("$port")
    [ ${#found[@]} -eq "$1" ] && { echo "${found[*]}"; return; }
  done
  echo "Fewer than $1 free ports in 55500-55599" >&2
  return 1
}

# Kannel as production runs it (bearerbox, and smsbox for the HTTP sendsms interface), with its fake SMSC as the
# operator: tests send through sendsms and read what fakesmsc received. A second fake SMSC ("replies") is where a test
# connects its own fakesmsc to send a phone's reply in; smsbox hands every reply to the app at a port chosen here,
# which that test serves the app on. Everything on loopback, in the work folder.
start_kannel() {
  local ports admin smsbox smsc sendsms replies mo_app
  ports=$(free_ports 6) || return 1
  read -r admin smsbox smsc sendsms replies mo_app <<<"$ports"
  local admin_password sendsms_password mo_secret
  admin_password=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
  sendsms_password=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
  mo_secret=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  cat >"$work/kannel.conf" <<EOF
group = core
admin-port = $admin
admin-interface = 127.0.0.1
admin-password = $admin_password
smsbox-port = $smsbox
smsbox-interface = 127.0.0.1
box-allow-ip = 127.0.0.1
log-file = "$work/bearerbox.log"
log-level = 1
access-log = "$work/kannel-access.log"
dlr-storage = internal

group = smsc
smsc = fake
smsc-id = fake
our-host = 127.0.0.1
port = $smsc
connect-allow-ip = 127.0.0.1

# Phones' replies only: no message to a phone is ever routed here, as none carries this smsc-id.
group = smsc
smsc = fake
smsc-id = replies
allowed-smsc-id = replies
our-host = 127.0.0.1
port = $replies
connect-allow-ip = 127.0.0.1

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = $smsbox
sendsms-port = $sendsms
sendsms-interface = 127.0.0.1
global-sender = SNGTST
log-file = "$work/smsbox.log"
log-level = 1
# A delivery report the app did not take (it was restarting) is sent again, once a second, for half a minute: the
# outbox relies on every report arriving (Broadcasts/Delivery/Reconciler).
http-request-retry = 30
http-queue-delay = 1

# Every SMS sent to the party's number goes to the app, which acts on STOP; nothing is sent back (max-messages 0).
group = sms-service
keyword = default
catch-all = true
max-messages = 0
get-url = "http://127.0.0.1:$mo_app/api/v1/sms/mo/$mo_secret?from=%p&to=%P&text=%a"

group = sendsms-user
username = sangathan
password = $sendsms_password
max-messages = 6
concatenation = true
EOF
  local status="http://127.0.0.1:$admin/status.txt?password=$admin_password"
  "$kannel_bin/bearerbox" -v 2 "$work/kannel.conf" >"$work/bearerbox.out" 2>&1 &
  kannel_pids+=($!)
  # fakesmsc panics if the fake SMSC's port is not open yet; -m 0: it sends no messages of its own.
  wait_for 20 "grep -q 'FAKE:$smsc' <(curl -s --max-time 2 '$status')" || return 1
  "$fakesmsc" -H 127.0.0.1 -r "$smsc" -m 0 "0 0 text unused" >/dev/null 2>"$work/fakesmsc.log" &
  kannel_pids+=($!)
  "$kannel_bin/smsbox" -v 2 "$work/kannel.conf" >"$work/smsbox.out" 2>&1 &
  kannel_pids+=($!)
  wait_for 20 "grep -q 'FAKE:$smsc (online' <(curl -s --max-time 2 '$status')" || return 1
  # Any answer from sendsms (here "Authorization failed") means smsbox is up and connected.
  wait_for 20 "curl -s --max-time 2 -o /dev/null 'http://127.0.0.1:$sendsms/cgi-bin/sendsms'" || return 1
  export SANGATHAN_KANNEL_URL="http://127.0.0.1:$sendsms"
  export SANGATHAN_KANNEL_USER=sangathan
  export SANGATHAN_KANNEL_PASSWORD=$sendsms_password
  export SANGATHAN_FAKESMSC_LOG="$work/fakesmsc.log"
  export SANGATHAN_FAKESMSC="$fakesmsc"
  export SANGATHAN_KANNEL_REPLIES_PORT=$replies
  export SANGATHAN_KANNEL_MO_PORT=$mo_app
  export SANGATHAN_KANNEL_MO_SECRET=$mo_secret
}

# Polls a condition for up to $1 seconds.
wait_for() {
  local deadline=$((SECONDS + $1))
  until eval "$2" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

# True while any of Kannel's processes has not exited (an exited one lingers as a zombie until waited for).
kannel_running() {
  local pid state
  for pid in "${kannel_pids[@]}"; do
    read -r _ _ state _ 2>/dev/null <"/proc/$pid/stat" || continue
    [ "$state" = Z ] || return 0
  done
  return 1
}

stop_kannel() {
  [ ${#kannel_pids[@]} -gt 0 ] || return 0
  kill "${kannel_pids[@]}" 2>/dev/null || true
  # bearerbox shuts down gracefully on TERM; give it a few seconds before insisting.
  wait_for 10 "! kannel_running" || kill -9 "${kannel_pids[@]}" 2>/dev/null || true
  wait "${kannel_pids[@]}" 2>/dev/null || true
  kannel_pids=()
}

kannel_logs() {
  local log
  for log in bearerbox.out bearerbox.log smsbox.out smsbox.log fakesmsc.log; do
    if [ -f "$work/$log" ]; then echo "--- $log"; tail -n 40 "$work/$log"; fi
  done
}

# Debian's aiosmtpd (run by Debian's python3, whichever python3 is first on PATH) with its Mailbox handler: every
# message it accepts becomes a file in the Maildir $work/mail.
start_smtp() {
  local port
  # Not the port smsbox hands phones' replies to: it is free until a test serves the app there.
  port=$(free_ports 2 | tr ' ' '\n' | grep -vx "${SANGATHAN_KANNEL_MO_PORT:-}" | head -n 1) || return 1
  [ -n "$port" ] || return 1
  /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$work/mail" >"$work/smtp.log" 2>&1 &
  smtp_pid=$!
  wait_for 20 "(exec 3<>/dev/tcp/127.0.0.1/$port)" || return 1
  export SANGATHAN_SMTP_HOST=127.0.0.1
  export SANGATHAN_SMTP_PORT=$port
  export SANGATHAN_MAILDIR="$work/mail"
}

stop_smtp() {
  [ -n "$smtp_pid" ] || return 0
  kill "$smtp_pid" 2>/dev/null || true
  wait "$smtp_pid" 2>/dev/null || true
  smtp_pid=""
}
