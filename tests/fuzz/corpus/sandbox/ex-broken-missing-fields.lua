-- Only an id and a kind.
return {
    id = "missing-fields",
    kind = "predict",
}
