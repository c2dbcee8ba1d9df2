inventory = {"apples": 3}


def restock(store):
    store["pears"] = (
        store["apples"]
        + store["plums"]
    )


restock(inventory)
