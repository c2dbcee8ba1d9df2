-- Predict, then observe: two charts about the same frameworks that seem to disagree.
-- Figures quoted from assets/data with `data` lines (checked by tests/content).
return {
    id = "stars-are-not-use",
    title = "Stars are not use",
    goal = "Compare two measures of the same frameworks and say what each one does not show.",
    kind = "predict",
    model = "flywheel",
    difficulty = 3,
    competencies = { "ecosystem-judgement" },
    hints = {
        "Open the charts (C) and read the unit, the date and the note of the GitHub stars "
            .. "chart and of the research-share chart.",
        "A figure measures one thing, at one date, on one base: see ch06#reading-a-figure "
            .. "and ch06#signals. Stars measure attention; implementations measure use in papers.",
        "TensorFlow: 191135 stars, PyTorch 92279; in papers, PyTorch 47% and TensorFlow 18%.",
    },
    solution = "TensorFlow has about twice PyTorch's stars, yet PyTorch had more than twice "
        .. "TensorFlow's share of research implementations (47 against 18 percent). Stars "
        .. "record attention accumulated over a repository's life, at one snapshot date; "
        .. "neither chart is a sample of all developers.",
    program = [[
# Two measures of the same frameworks (see pydive charts for sources and dates)
data github-stars-ai-ml "tensorflow/tensorflow" 191135
data github-stars-ai-ml "pytorch/pytorch" 92279
data pytorch-research-share "PyTorch" 47
data pytorch-research-share "TensorFlow" 18
data github-stars-ai-ml "huggingface/transformers" 148182
]],
    steps = {
        {
            at = 4,
            ask = "GitHub stars (snapshot of 2025-08-11) are loaded. Which repository has "
                .. "more stars?",
            choices = { "tensorflow/tensorflow", "pytorch/pytorch" },
            answer = 1,
            explain = "TensorFlow, with about twice PyTorch's stars. Stars accumulate over a "
                .. "repository's whole life and never expire: they measure attention, not use.",
            model = function(run)
                local s = run.data["github-stars-ai-ml"]
                if s["tensorflow/tensorflow"] > s["pytorch/pytorch"] then
                    return "tensorflow/tensorflow"
                end
                return "pytorch/pytorch"
            end,
        },
        {
            at = 6,
            ask = "In the research count (State of AI Report 2020), PyTorch's share of "
                .. "implementations was how many whole times TensorFlow's? (round down)",
            type = "number",
            answer = 2,
            explain = "47 / 18 is about 2.6, so two whole times: the ranking flips between the "
                .. "two measures. Which one answers your question depends on what you need "
                .. "to know (ch06#signals).",
            model = function(run)
                local s = run.data["pytorch-research-share"]
                return math.floor(s["PyTorch"] / s["TensorFlow"])
            end,
        },
    },
}
