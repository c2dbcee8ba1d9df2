/*
 * profiles: the learner profiles on this machine, for `pydive profiles` and
 * the profile picker shown at start when there is more than one.
 *
 * A profile is a folder <user data dir>/profiles/<name>/ (name as
 * paths_profile_name_ok allows) holding progress.yaml and assessments.yaml
 * (store.h, assess_store.h).  Listing only reads: it takes no lock and moves
 * no damaged file aside (opening the profile does that, and says so).
 */
#ifndef PYDIVE_LEARNER_PROFILES_H
#define PYDIVE_LEARNER_PROFILES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ProfileInfo {
    char *name;
    int64_t last_used;    /* the later `updated` of its two files; 0 = never saved */
    int64_t progress_updated;
    size_t sections_read; /* over all chapters */
    size_t answers;       /* answers in its assessment record */
    char *last_chapter;   /* chapter id to resume; NULL = none */
    bool damaged;         /* a file there cannot be read; opening it moves it aside */
} ProfileInfo;

typedef struct ProfileList {
    ProfileInfo *items;   /* most recently used first, then by name */
    size_t n;
} ProfileList;

/* Lists the profiles under `user_data_dir` (a missing folder lists none). */
void profiles_list(const char *user_data_dir, ProfileList *out);
void profiles_fini(ProfileList *l);
/* The entry for `name`, or NULL. */
const ProfileInfo *profiles_find(const ProfileList *l, const char *name);

#endif
