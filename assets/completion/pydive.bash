# bash completion for pydive: commands, their options, render screens,
# exercise ids and files.  Installed to share/bash-completion/completions/.
_pydive() {
    local cur prev cmd words
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    cmd=""
    local i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            --profile|--course|--size|--program|--step|--python|--chapter|--format|-o|--views|--track|--phases|--model|--frames|--page|--seed|--sort|--filter|--chart) ((i++)) ;;
            -*) ;;
            *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    case $prev in
        --course|--program|-o) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --python) COMPREPLY=($(compgen -W "3.11 3.12 3.13 3.13t 3.14" -- "$cur")); return ;;
        --format) COMPREPLY=($(compgen -W "yaml json csv text md" -- "$cur")); return ;;
        --views) COMPREPLY=($(compgen -W "arena memory graph gc arena,memory,graph,gc" -- "$cur")); return ;;
        --chapter) COMPREPLY=($(compgen -W "1 2 3 4 5 6 7" -- "$cur")); return ;;
        --model) COMPREPLY=($(compgen -W "gil capi loop flywheel roadmap" -- "$cur")); return ;;
        --profile)
            local dir=${XDG_DATA_HOME:-$HOME/.local/share}/pydive/profiles
            COMPREPLY=($(compgen -W "$(ls "$dir" 2>/dev/null)" -- "$cur")); return ;;
    esac
    if [ -z "$cmd" ]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--profile --course --plain --present --ascii --no-color --help --version" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(pydive --commands 2>/dev/null)" -- "$cur"))
        fi
        return
    fi
    case $cmd in
        render)
            if [[ $cur != -* ]]; then
                COMPREPLY=($(compgen -W "home help dashboard program chapter:1 chapter:2 chapter:3 chapter:4 chapter:5 chapter:6 chapter:7 view:arena view:pool view:memory view:graph view:gc search: lab charts tables glossary" -- "$cur"))
                return
            fi ;;
        run|validate|import|pack|class|lab)
            if [[ $cur != -* ]]; then COMPREPLY=($(compgen -f -- "$cur")); return; fi ;;
        exercise)
            if [[ $cur != -* ]]; then
                local data ids
                data=$(pydive --data-dir 2>/dev/null)
                ids=$(cd "$data/exercises" 2>/dev/null && ls */*.lua 2>/dev/null | sed 's#.*/##; s#\.lua$##')
                COMPREPLY=($(compgen -W "list run check hint reset show solution $ids" -- "$cur"))
                return
            fi ;;
    esac
    # The command's own options, read from its usage line.
    local opts
    opts=$(pydive "$cmd" --help 2>/dev/null | grep -o -- '--[a-z-]*' | sort -u)
    COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
}
complete -F _pydive pydive
