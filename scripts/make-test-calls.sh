#!/usr/bin/env bash
# scripts/make-test-calls.sh OUTDIR [--short]
#
# Makes the hands-free test calls: two espeak-ng voices laid out by the script below
# (turn changes, backchannels, an interruption, long pauses), then sox shapes them into
# the cases the detector is held to:
#
#   line.wav          the prospect, band-limited to a phone's 300-3400 Hz, with line noise
#   line-echo.wav     the same with my voice echoed back at -18 dB, 150 ms late
#   mic-35.wav        me + room noise + the line leaking in at -35 dB (closed headset)
#   mic-15.wav        the same at -15 dB (earbuds)
#   mic-quiet.wav     me 12 dB quieter, leak -35 dB (a quiet talker)
#   mic-speakers.wav  me + the line at -6 dB (laptop speakers, no headset)
#   truth.txt         who really talked when: START END SPEAKER, one segment a line
#
# --short makes only the first four turns (about 15 s), for the end-to-end test.
# Needs espeak-ng and sox (sudo apt-get install espeak-ng sox). Only synthetic voices:
# nothing here is anybody's recording.
set -euo pipefail

out=${1:?usage: scripts/make-test-calls.sh OUTDIR [--short]}
short=${2:-}
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/callboard-calls.XXXXXX")
trap 'rm -rf "$work"' EXIT

# speaker|when|text. "when" is the pause after the previous turn in seconds (negative:
# cutting in), or bc:S for a backchannel S seconds into the previous turn.
turns=(
    "me|0.5|Hi, this is Sam from Callboard. Did I catch you at a bad time?"
    "prospect|0.6|No, it's fine, I have a few minutes. What is this about?"
    "me|0.7|You asked about our pilot last month. How are orders handled today?"
    "prospect|0.5|Honestly, it is a mess. Orders come in by email, somebody types them into the system, and every week one of them gets lost between the two. Last month we lost a big one."
    "me|bc:4.0|Mm hmm."
    "me|0.6|That sounds painful. Who feels it most when an order goes missing?"
    "prospect|2.0|Our customer service team, and then me, when the customer calls."
    "me|0.5|Right, and how do you find out that an order was lost?"
    "prospect|0.8|Usually the customer tells us, which is the worst way to find out, and it takes days to fix."
    "me|-0.9|I see. Would it help to see how others catch them on the day?"
    "prospect|0.7|Maybe. What would that look like for a team of our size? We are only twelve people in the office."
    "me|0.6|Most teams your size start with one inbox and one person who checks the list each morning."
    "prospect|0.9|That could work. Our busiest day is Monday, when the weekend orders pile up, and that is when things slip."
    "me|bc:3.0|Right."
    "prospect|2.5|Sorry, someone just walked in. Where were we?"
    "me|0.6|Mondays. What happens to the weekend orders today?"
    "prospect|0.5|They sit in the inbox until somebody has time. Sometimes that is Tuesday afternoon, and by then the customer has already called twice asking where their goods are."
    "me|0.7|So a lost order costs you a customer call and a day. How many of those a month?"
    "prospect|0.8|Three or four, I would say. More in the busy season before the holidays."
    "me|0.5|Would it be worth half an hour next week to see how we would catch them?"
    "prospect|0.6|Yes, send me something and let us talk next week. Tuesday morning is good."
    "me|0.5|Great, I will send an invitation for Tuesday at ten. Thank you for your time."
)
if [ "$short" = "--short" ]; then turns=("${turns[@]:0:4}"); fi

# Each line spoken at 16 kHz, its silences trimmed to the voice.
i=0
: >"$work/layout"
cursor=0
previous=0
for turn in "${turns[@]}"; do
    IFS='|' read -r speaker when text <<<"$turn"
    if [ "$speaker" = me ]; then voice=(-v en-us -p 40 -s 170); else voice=(-v en-gb+f3 -p 65 -s 160); fi
    espeak-ng "${voice[@]}" -w "$work/raw$i.wav" "$text"
    sox -R "$work/raw$i.wav" -b 16 -c 1 "$work/say$i.wav" rate 16000 vol 0.5 \
        silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse
    length=$(soxi -D "$work/say$i.wav")
    case $when in
    bc:*) start=$(awk -v p="$previous" -v o="${when#bc:}" 'BEGIN { printf "%.3f", p + o }') ; kind=backchannel ;;
    *) start=$(awk -v c="$cursor" -v g="$when" 'BEGIN { s = c + g; if (s < 0) s = 0; printf "%.3f", s }') ; kind=turn ;;
    esac
    end=$(awk -v s="$start" -v l="$length" 'BEGIN { printf "%.3f", s + l }')
    echo "$i $speaker $start $end $kind" >>"$work/layout"
    if [ "$kind" = turn ]; then cursor=$end; previous=$start; fi
    i=$((i + 1))
done
total=$(awk -v c="$cursor" 'BEGIN { printf "%.3f", c + 1 }')

# One channel per speaker: each clip padded to its place, mixed at full volume.
channel() {
    local who=$1 target=$2 inputs=()
    while read -r n speaker start _ _; do
        [ "$speaker" = "$who" ] || continue
        sox -R "$work/say$n.wav" "$work/placed$n.wav" pad "$start" 0
        inputs+=(-v 1 "$work/placed$n.wav")
    done <"$work/layout"
    sox -R -n -r 16000 -b 16 -c 1 "$work/silence.wav" trim 0 "$total"
    sox -R -m -v 1 "$work/silence.wav" "${inputs[@]}" -b 16 "$target" trim 0 "$total"
}
channel me "$work/me.wav"
channel prospect "$work/prospect.wav"

noise() { sox -R -n -r 16000 -b 16 -c 1 "$2" synth "$total" pinknoise vol "$1"; }
noise 0.003 "$work/line-noise.wav"   # about -50 dB
noise 0.006 "$work/room.wav"         # about -45 dB

# The line as a phone delivers it; the echo case adds my voice, late and quiet.
sox -R -m -v 1 "$work/prospect.wav" -v 1 "$work/line-noise.wav" -b 16 "$out/line.wav" sinc 300-3400
sox -R "$work/me.wav" "$work/me-late.wav" pad 0.15 trim 0 "$total"
sox -R -m -v 1 "$work/prospect.wav" -v 0.126 "$work/me-late.wav" -v 1 "$work/line-noise.wav" -b 16 \
    "$out/line-echo.wav" sinc 300-3400

# The microphone: me, the room, and the line leaking in (dB as amplitude factors).
mic() { sox -m -v "$2" "$work/me.wav" -v 1 "$work/room.wav" -v "$3" "$out/line.wav" -b 16 "$out/$1"; }
mic mic-35.wav 1 0.0178
mic mic-15.wav 1 0.178
mic mic-quiet.wav 0.251 0.0178
mic mic-speakers.wav 1 0.501

# The truth: turns (not backchannels), a later turn cutting an earlier one short; a pause
# under a second between two turns of one speaker is theirs, as a listener hears it.
sort -k3,3n "$work/layout" | awk -v total="$total" '
    $5 != "turn" { next }
    { n++; who[n] = $2; s[n] = $3; e[n] = $4; if (n > 1 && e[n-1] > s[n]) e[n-1] = s[n] }
    END {
        for (k = 1; k <= n; k++) {
            if (k < n && who[k] == who[k+1] && s[k+1] - e[k] < 1) e[k] = s[k+1]
        }
        for (k = 1; k <= n; k++) printf "%.3f\t%.3f\t%s\n", s[k], e[k], who[k]
    }' >"$out/truth.txt"
echo "$total" >"$out/length.txt"
