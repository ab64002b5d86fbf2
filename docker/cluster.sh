#!/usr/bin/env bash
# The topology of docker/compose.yml without containers, on loopback: PostgreSQL (Debian's
# packages), two nodes from the built jar, and Debian's nginx with sticky sessions in front.
#
#   docker/cluster.sh start        # then open http://127.0.0.1:8090
#   docker/cluster.sh stop
#   docker/cluster.sh status
#   docker/cluster.sh kill-node N  # kill -9 node N (1 or 2): what a crash looks like
#
# Settings (environment): NTLAB_CLUSTER_DIR (state, logs, data; default target/cluster),
# NTLAB_CLUSTER_PORT (nginx; the nodes listen on the next two ports, PostgreSQL on the third;
# default 8090), NTLAB_JAR (default target/nt-process-lab-*.jar from `mvn package`),
# NTLAB_ADMIN_PASSWORD (the first administrator's password), NTLAB_NODE_XMX (each node's heap,
# default 512m), JAVA_HOME.
set -euo pipefail
cd "$(dirname "$0")/.."

DIR=$(mkdir -p "${NTLAB_CLUSTER_DIR:-target/cluster}" && cd "${NTLAB_CLUSTER_DIR:-target/cluster}" && pwd)
PORT=${NTLAB_CLUSTER_PORT:-8090}
NODE_PORTS=($((PORT + 1)) $((PORT + 2)))
PG_PORT=$((PORT + 3))
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
NODE_START_TIMEOUT=${NTLAB_NODE_START_TIMEOUT:-240}

pg_bin() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    if [ -z "$bin" ]; then
        echo "PostgreSQL is not installed: apt-get install postgresql" >&2
        exit 1
    fi
    echo "$bin"
}

# PostgreSQL refuses to run as root: run it as the postgres user then.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

wait_http() { # url timeout-seconds what
    local i
    for ((i = 0; i < $2; i++)); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = 200 ]; then
            return 0
        fi
        sleep 1
    done
    echo "$3 did not answer on $1 within $2 s; see $DIR/*.log" >&2
    return 1
}

start_postgres() {
    local bin
    bin=$(pg_bin)
    if [ ! -f "$DIR/pg/PG_VERSION" ]; then
        mkdir -p "$DIR/pg"
        [ "$(id -u)" -ne 0 ] || chown postgres: "$DIR/pg"
        chmod 700 "$DIR/pg"
        # The application's password: random, kept in the state folder (owner-only).
        (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$DIR/db-password")
        as_pg "$bin/initdb" -D "$DIR/pg" -U postgres --auth-local=trust --auth-host=scram-sha-256 >"$DIR/initdb.log"
    fi
    # fsync and synchronous_commit keep their defaults (on): an answered command is on disk.
    as_pg "$bin/pg_ctl" -D "$DIR/pg" -l "$DIR/pg/server.log" -w start \
        -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $DIR/pg" >/dev/null
    if ! as_pg "$bin/psql" -h "$DIR/pg" -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'ntlab'" | grep -q 1; then
        as_pg "$bin/psql" -h "$DIR/pg" -p "$PG_PORT" -U postgres -q \
            -c "CREATE ROLE ntlab LOGIN PASSWORD '$(cat "$DIR/db-password")'" -c "CREATE DATABASE ntlab OWNER ntlab"
    fi
    echo "PostgreSQL on 127.0.0.1:$PG_PORT (data in $DIR/pg)"
}

start_node() { # n
    local n=$1 port=${NODE_PORTS[$(($1 - 1))]} jar
    jar=${NTLAB_JAR:-$(ls target/nt-process-lab-*.jar 2>/dev/null | head -1)}
    if [ -z "$jar" ] || [ ! -f "$jar" ]; then
        echo "No jar: run mvn package first (or set NTLAB_JAR)" >&2
        exit 1
    fi
    mkdir -p "$DIR/node-$n"
    SPRING_DATASOURCE_PASSWORD=$(cat "$DIR/db-password") nohup "$JAVA" "-Xmx${NTLAB_NODE_XMX:-512m}" -jar "$jar" \
        --spring.profiles.active=postgres \
        --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/ntlab" \
        --spring.datasource.username=ntlab \
        --server.address=127.0.0.1 --server.port="$port" \
        --ntlab.node-id="node-$n" --ntlab.data.path="$DIR/node-$n" \
        >"$DIR/node-$n.log" 2>&1 &
    echo $! >"$DIR/node-$n.pid"
    wait_http "http://127.0.0.1:$port/login" "$NODE_START_TIMEOUT" "node-$n"
    echo "node-$n on 127.0.0.1:$port (pid $(cat "$DIR/node-$n.pid"), log $DIR/node-$n.log)"
}

start_nginx() {
    if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
        echo "nginx is not installed: apt-get install nginx" >&2
        exit 1
    fi
    mkdir -p "$DIR/nginx/logs" "$DIR/nginx/temp"
    sed -e "s/__NODE_1__/127.0.0.1:${NODE_PORTS[0]}/" -e "s/__NODE_2__/127.0.0.1:${NODE_PORTS[1]}/" \
        -e "s/__LISTEN__/127.0.0.1:$PORT/" docker/nginx/ntlab.conf.template >"$DIR/nginx/ntlab.conf"
    cat >"$DIR/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $DIR/nginx/nginx.pid;
error_log $DIR/nginx/logs/error.log;
events { worker_connections 1024; }
http {
    # which node answered each request, under which sticky route: how a failover shows
    log_format ntlab '\$remote_addr [\$time_local] "\$request" \$status node=\$upstream_addr route=\$cookie_ntlab_route';
    access_log $DIR/nginx/logs/access.log ntlab;
    client_body_temp_path $DIR/nginx/temp/body;
    proxy_temp_path $DIR/nginx/temp/proxy;
    fastcgi_temp_path $DIR/nginx/temp/fastcgi;
    uwsgi_temp_path $DIR/nginx/temp/uwsgi;
    scgi_temp_path $DIR/nginx/temp/scgi;
    include $DIR/nginx/ntlab.conf;
}
CONF
    "$(command -v nginx || echo /usr/sbin/nginx)" -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf"
    wait_http "http://127.0.0.1:$PORT/login" 30 nginx
    echo "nginx on http://127.0.0.1:$PORT (sticky sessions over node-1 and node-2)"
}

stop_pid() { # pid-file
    local pid i
    [ -f "$1" ] || return 0
    pid=$(cat "$1")
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for ((i = 0; i < 30; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$1"
}

stop_all() {
    if [ -f "$DIR/nginx/nginx.pid" ]; then
        "$(command -v nginx || echo /usr/sbin/nginx)" -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -s quit 2>/dev/null || true
    fi
    stop_pid "$DIR/node-2.pid"
    stop_pid "$DIR/node-1.pid"
    if [ -f "$DIR/pg/postmaster.pid" ]; then
        as_pg "$(pg_bin)/pg_ctl" -D "$DIR/pg" -m fast -w stop >/dev/null || true
    fi
    echo "stopped"
}

case "${1:-}" in
    start)
        start_postgres
        # one after the other: the first start creates the schema and the first administrator once
        start_node 1
        start_node 2
        start_nginx
        ;;
    stop)
        stop_all
        ;;
    kill-node)
        kill -9 "$(cat "$DIR/node-${2:?which node: 1 or 2}.pid")"
        rm -f "$DIR/node-$2.pid"
        echo "node-$2 killed"
        ;;
    status)
        for n in 1 2; do
            if [ -f "$DIR/node-$n.pid" ] && kill -0 "$(cat "$DIR/node-$n.pid")" 2>/dev/null; then
                echo "node-$n running (pid $(cat "$DIR/node-$n.pid"))"
            else
                echo "node-$n stopped"
            fi
        done
        ;;
    *)
        echo "usage: $0 start|stop|status|kill-node N" >&2
        exit 2
        ;;
esac
