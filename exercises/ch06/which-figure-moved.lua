-- Predict, then observe: reading two editions of a survey from the chart data.
-- The figures are quoted from assets/data with `data` lines; tests/content checks
-- each against its file (pydive charts --check), so they cannot drift.
return {
    id = "which-figure-moved",
    title = "Which survey figure moved, and by how much?",
    goal = "Read changes between two survey editions from the stored figures, and say what "
        .. "a lower bound lets you conclude.",
    kind = "predict",
    model = "flywheel",
    difficulty = 2,
    competencies = { "ecosystem-judgement" },
    hints = {
        "Press C on the series page or in chapter 6 to browse the charts; each shows its "
            .. "source, date and note. A change is the later value minus the earlier one.",
        "Chapter 6 asks five questions of any figure, among them what the base is and "
            .. "whether a value is exact: see ch06#reading-a-figure (and ch06#ai-tools-survey).",
        "Python: 57.9 - 51. Sentiment: the 2024 point is stored as 70 but the survey says "
            .. "\"70%+\", so the fall to 60 is ten points or more.",
    },
    solution = "Python's share rose by 6.9 points (51 to 57.9; the survey rounds it to 7). "
        .. "Positive sentiment towards AI tools fell by at least 10 points: 2024 is only "
        .. "known as 'more than 70', so 70 is a lower bound and the true fall may be larger.",
    program = [[
# Figures quoted from assets/data (pydive charts shows each with its source)
data so2025-languages "Python, 2024" 51
data so2025-languages "Python, 2025" 57.9
data so2025-ai-trust "Distrust accuracy, 2024" 31
data so2025-ai-trust "Distrust accuracy, 2025" 45.7
data so2025-ai-sentiment "2024 (more than)" 70
data so2025-ai-sentiment "2025" 60
data so2025-languages "JavaScript, 2025 (about)" 66
]],
    steps = {
        {
            at = 4,
            ask = "Python's share of Stack Overflow survey respondents, 2024 and 2025, is "
                .. "loaded. By how many percentage points did it rise?",
            type = "number",
            answer = 6.9,
            explain = "57.9 - 51 = 6.9 points, which the survey rounds to 7. A rise in "
                .. "percentage points is not a rise of 6.9 percent (that would be about 13.5%).",
            model = function(run)
                local s = run.data["so2025-languages"]
                return s["Python, 2025"] - s["Python, 2024"]
            end,
        },
        {
            at = 8,
            ask = "Positive sentiment towards AI tools: the 2024 point is stored as 70 with "
                .. "the label '(more than)'; 2025 is 60. What can you say of the fall?",
            choices = { "exactly 10 points", "at least 10 points", "at most 10 points" },
            answer = 2,
            explain = "A lower bound for the earlier year makes the fall a lower bound too: "
                .. "ten points or more. Reading it as exactly ten is the mistake the note on "
                .. "the chart warns about (ch06#reading-a-figure).",
            model = function(run)
                local s = run.data["so2025-ai-sentiment"]
                local before, after = s["2024 (more than)"], s["2025"]
                return string.format("at least %d points", before - after)
            end,
        },
    },
}
