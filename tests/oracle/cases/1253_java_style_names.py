# Java habits in Python: very long class names, and the errors that quote them
class AbstractSingletonProxyFactoryBeanConfigurationManagerImpl:
    __slots__ = ("bean_name",)

    def __init__(self, bean_name):
        self.bean_name = bean_name


class InternalFrameInternalFrameTitlePaneInternalFrameTitlePaneMaximizeButtonWindowNotFocusedState:
    pass


manager = AbstractSingletonProxyFactoryBeanConfigurationManagerImpl("dataSource")
print(manager.bean_name, len(type(manager).__name__))

for action in ("read", "write"):
    try:
        if action == "read":
            manager.beanName
        else:
            manager.bean_factory = None
    except AttributeError as err:
        print(action, "->", err)

state = InternalFrameInternalFrameTitlePaneInternalFrameTitlePaneMaximizeButtonWindowNotFocusedState()
try:
    print(state.is_focused)
except AttributeError as err:
    print(len(str(err)), str(err)[-40:])
try:
    InternalFrameInternalFrameTitlePaneInternalFrameTitlePaneMaximizeButtonWindowNotFocusedState.create()
except AttributeError as err:
    print(len(str(err)), str(err)[:60])

