# Sourced by smoke.sh, netcheck.sh and bench-startup.sh.
# start_xvfb DIR: starts Xvfb (Unix socket only) on a display it picks itself
# and reports through -displayfd, waits at most 10 s, exports DISPLAY and
# sets xvfb_pid for the caller's cleanup. On failure it says why on stderr
# and returns 1.
start_xvfb() {
	local dir=$1 deadline=$((SECONDS + 10))
	Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$dir/display" 2>"$dir/xvfb.log" &
	xvfb_pid=$!
	until grep -q '^[0-9]' "$dir/display" 2>/dev/null; do
		if ! kill -0 "$xvfb_pid" 2>/dev/null; then
			echo "Xvfb did not start: $(tail -n 3 "$dir/xvfb.log")" >&2
			return 1
		fi
		if [ "$SECONDS" -ge "$deadline" ]; then
			echo "Xvfb gave no display number within 10s" >&2
			return 1
		fi
		sleep 0.2
	done
	export DISPLAY=":$(head -n 1 "$dir/display")"
}
