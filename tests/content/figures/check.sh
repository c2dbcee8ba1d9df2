# Sourced by tests/content/suite.sh (uses ok, not_ok, $pydive, $tmp, $root).
# Chapter 1's arena figures against what real CPython printed (ch01.expect,
# recorded by record.sh as learners run Python) and what the model prints:
#   - the model runs each recorded program (taken from the lesson as it is
#     now) on its 3.11, 3.12 and 3.13 profiles: 3.11 must print CPython
#     3.11.7's counts exactly, 3.12 and 3.13 the same changes from the start;
#   - where a profile's start-up differs from CPython's, the lesson must say
#     by how much, and must stop saying it once they agree;
#   - each figure the prose gives is compared with the recording.
fig="$root/tests/content/figures"
lesson="$root/lessons/01-memory-architecture.yaml"
expect="$fig/ch01.expect"
printf 'import sys\nsys._debugmallocstats()\n' >"$tmp/start-up.py"
model_counts() { # SECTION PROFILE -> the counts the model prints, one line
    "$pydive" run --python "$2" "$tmp/$1.py" 2>&1 >/dev/null |
        awk '/^# arenas allocated current/ { printf "%s%s", sep, $NF; sep = " " } END { print "" }'
}
real_counts() { # SECTION VERSION -> the recorded counts
    awk -v s="$1" -v v="$2" '$1 == s && $2 == v { $1 = ""; $2 = ""; sub(/^ +/, ""); print }' "$expect"
}
deltas() { awk '{ for (i = 1; i <= NF; i++) printf "%s%d", (i > 1 ? " " : ""), $i - $1; print "" }'; }
nth() { echo "$2" | awk -v n="$1" '{ print $n }'; }
prose() { # SECTION -> the section's lines joined into one (for phrases across a wrap)
    awk -v want="$1" '/^  - id: / { on = ($3 == want); next } on { printf "%s ", $0 }' "$lesson" |
        tr -s ' '
}
claim() { # NAME SECTION PHRASE: the section's prose contains PHRASE
    if prose "$2" | grep -qF -- "$3"; then ok "ch01 figures: $1"
    else not_ok "ch01 figures: $1" "lessons/01-memory-architecture.yaml, section $2, lacks: $3"; fi
}

for s in start-up large-objects arenas why-memory-stays separate-lifetimes; do
    [ "$s" = start-up ] || "$fig/extract.sh" "$lesson" "$s" >"$tmp/$s.py"
    for p in 3.11 3.12 3.13; do
        eval "m_$(echo "$s" | tr '-' '_')_${p#3.}=\"\$(model_counts $s $p)\""
        eval "r_$(echo "$s" | tr '-' '_')_${p#3.}=\"\$(real_counts $s $p)\""
    done
    m=$(model_counts "$s" 3.11); r=$(real_counts "$s" 3.11)
    if [ -n "$r" ] && [ "$m" = "$r" ]; then ok "ch01 figures: $s, the model's 3.11 prints CPython 3.11.7's arenas ($r)"
    else not_ok "ch01 figures: $s, the model's 3.11 prints CPython 3.11.7's arenas" "model: $m" "3.11.7: $r (tests/content/figures/ch01.expect)"; fi
    [ "$s" = start-up ] && continue   # one dump: no change to compare (see below)
    for p in 3.12 3.13; do
        m=$(model_counts "$s" $p); r=$(real_counts "$s" $p)
        if [ -n "$r" ] && [ "$(echo "$m" | deltas)" = "$(echo "$r" | deltas)" ]; then
            ok "ch01 figures: $s, the model's $p changes as CPython $p does"
        else not_ok "ch01 figures: $s, the model's $p changes as CPython $p does" "model: $m" "CPython: $r"; fi
    done
done

# Start-up: what the lesson says about the profiles' starting heaps.
for p in 3.12 3.13; do
    m=$(nth 1 "$(model_counts start-up $p)"); r=$(nth 1 "$(real_counts start-up $p)")
    if [ "$m" = "$r" ]; then
        if prose live-vs-held | grep -q 'profiles start from [0-9]* arenas, one more'; then
            not_ok "ch01 figures: the $p profile starts as CPython does ($m), so the lesson's note about it must go"
        else ok "ch01 figures: the $p profile starts with CPython's $r arenas"; fi
    elif [ $((m - r)) -eq 1 ]; then
        claim "the lesson says the $p profile starts one arena above CPython" live-vs-held \
            "3.12 and 3.13 profiles start from $m arenas, one more than the real interpreters"
    else not_ok "ch01 figures: the $p profile starts from $m arenas, CPython from $r"; fi
done
claim "3.12.1 and 3.13.0 start-up arenas" live-vs-held \
    "3.12.1 and 3.13.0 start with $(nth 1 "$r_start_up_12") arenas"
[ "$r_start_up_12" = "$r_start_up_13" ] || not_ok "ch01 figures: 3.12.1 and 3.13.0 start alike" "$r_start_up_12 / $r_start_up_13"
claim "the 3.11 profile's start-up arenas" live-vs-held \
    "3.11 profile starts from the same $(nth 1 "$m_start_up_11") arenas as 3.11.7"
awk '/^  - id: live-vs-held$/ { on = 1 } on && /^      - code: \|$/ { n++ } on && n == 2 && /^          / { print substr($0, 11) } on && n == 2 && /^        lang:/ { exit }' "$lesson" |
    sed '/^$/d' >"$tmp/account.lesson"
sed '/^$/d' "$fig/start-up.account" >"$tmp/account.real"
if cmp -s "$tmp/account.lesson" "$tmp/account.real"; then ok "ch01 figures: the start-up account is the one recorded"
else not_ok "ch01 figures: the start-up account is the one recorded" "$(diff "$tmp/account.lesson" "$tmp/account.real" | head -n 4 | tr '\n' '|')"; fi

# large-objects: the fifth dump is after the 20,000 bytes(479).
d() { echo "$2" | awk -v a="$1" -v b="$3" '{ print $b - $a }'; }
claim "bytes(479) with site, 3.11.7" large-objects "$(d 4 "$r_large_objects_11" 5) when \`site\` is imported"
[ "$(d 4 "$r_large_objects_12" 5)" = "$(d 4 "$r_large_objects_13" 5)" ] &&
    claim "bytes(479) on 3.12.1 and 3.13.0" large-objects "and $(d 4 "$r_large_objects_12" 5) on 3.12.1 and 3.13.0"
for p in 11 12 13; do
    eval "md=\$(d 4 \"\$m_large_objects_$p\" 5)"
    claim "bytes(479) in the model's 3.$p" large-objects "The model prints $md on all three profiles"
done
# arenas: every round ends one above the start, everywhere.
for v in r_arenas_11 r_arenas_12 r_arenas_13 m_arenas_11 m_arenas_12 m_arenas_13; do
    eval "c=\$$v"
    if echo "$c" | awk '{ for (i = 2; i <= NF; i++) if ($i != $1 + 1) exit 1 }' && [ -n "$c" ]; then
        ok "ch01 figures: arenas, every round one above the start ($v: $c)"
    else not_ok "ch01 figures: arenas, every round one above the start" "$v: $c"; fi
done
# why-memory-stays: dumps 0 start, 1 built, 2 and 3 survivors, 4 all gone.
added=$(d 1 "$r_why_memory_stays_11" 2)
for v in r_why_memory_stays_12 r_why_memory_stays_13 m_why_memory_stays_11 m_why_memory_stays_12; do
    eval "c=\$$v"
    [ "$(d 1 "$c" 2)" = "$added" ] || not_ok "ch01 figures: why-memory-stays adds $added arenas everywhere" "$v: $c"
done
claim "why-memory-stays, arenas added" why-memory-stays "building the list added $added arenas on CPython 3.11.7, 3.12.1 and 3.13.0"
claim "why-memory-stays, all held" why-memory-stays "still held all $added arenas, $added MiB"
[ "$(d 1 "$r_why_memory_stays_11" 4)" = "$added" ] && [ "$(d 1 "$r_why_memory_stays_11" 5)" = 1 ] &&
    ok "ch01 figures: why-memory-stays, survivors hold all, then one reserve arena stays" ||
    not_ok "ch01 figures: why-memory-stays, survivors hold all, then one reserve arena stays" "$r_why_memory_stays_11"
# separate-lifetimes: dumps 0 start, 1 alive, 2 interleaved freed, 3 alive, 4 keepers first.
c=$r_separate_lifetimes_11
claim "separate-lifetimes, 3.11.7" separate-lifetimes "went from $(nth 1 "$c") arenas at start to $(nth 2 "$c") with everything alive"
claim "separate-lifetimes, interleaved" separate-lifetimes "left all $(nth 3 "$c") in place"
claim "separate-lifetimes, keepers first" separate-lifetimes "count down to $(nth 5 "$c"), $(d 1 "$c" 5 | sed 's/^3$/three/') above the start"
c=$r_separate_lifetimes_12
[ "$c" = "$r_separate_lifetimes_13" ] &&
    claim "separate-lifetimes, 3.12.1 and 3.13.0" separate-lifetimes "went from $(nth 1 "$c") to $(nth 2 "$c") and back to $(nth 5 "$c")"
