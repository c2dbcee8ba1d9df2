class Base(Exception):
    pass


class E0(Base):
    pass


class E1(Base):
    pass


class E2(Base):
    pass


class E3(Base):
    pass


class E4(Base):
    pass


class E5(Base):
    pass


class E6(Base):
    pass


class E7(Base):
    pass


class E8(Base):
    pass


class E9(Base):
    pass


class E10(Base):
    pass


class E11(Base):
    pass


class E12(Base):
    pass


class E13(Base):
    pass


class E14(Base):
    pass


class E15(Base):
    pass


class E16(Base):
    pass


class E17(Base):
    pass


class E18(Base):
    pass


class E19(Base):
    pass


class E20(Base):
    pass


class E21(Base):
    pass


class E22(Base):
    pass


class E23(Base):
    pass


class E24(Base):
    pass


class E25(Base):
    pass


class E26(Base):
    pass


class E27(Base):
    pass


class E28(Base):
    pass


class E29(Base):
    pass


class E30(Base):
    pass


class E31(Base):
    pass


class E32(Base):
    pass


class E33(Base):
    pass


class E34(Base):
    pass


class E35(Base):
    pass


class E36(Base):
    pass


class E37(Base):
    pass


class E38(Base):
    pass


class E39(Base):
    pass


for k in (3, 35):
    try:
        raise [E0, E1, E2, E3, E4, E5, E6, E7, E8, E9, E10, E11, E12, E13, E14, E15, E16, E17, E18, E19, E20, E21, E22, E23, E24, E25, E26, E27, E28, E29, E30, E31, E32, E33, E34, E35, E36, E37, E38, E39][k]()
    except E0:
        print("handler 0")
    except E1:
        print("handler 1")
    except E2:
        print("handler 2")
    except E3:
        print("handler 3")
    except E4:
        print("handler 4")
    except E5:
        print("handler 5")
    except E6:
        print("handler 6")
    except E7:
        print("handler 7")
    except E8:
        print("handler 8")
    except E9:
        print("handler 9")
    except E10:
        print("handler 10")
    except E11:
        print("handler 11")
    except E12:
        print("handler 12")
    except E13:
        print("handler 13")
    except E14:
        print("handler 14")
    except E15:
        print("handler 15")
    except E16:
        print("handler 16")
    except E17:
        print("handler 17")
    except E18:
        print("handler 18")
    except E19:
        print("handler 19")
    except E20:
        print("handler 20")
    except E21:
        print("handler 21")
    except E22:
        print("handler 22")
    except E23:
        print("handler 23")
    except E24:
        print("handler 24")
    except E25:
        print("handler 25")
    except E26:
        print("handler 26")
    except E27:
        print("handler 27")
    except E28:
        print("handler 28")
    except E29:
        print("handler 29")
    except E30:
        print("handler 30")
    except E31:
        print("handler 31")
    except E32:
        print("handler 32")
    except E33:
        print("handler 33")
    except E34:
        print("handler 34")
    except E35:
        print("handler 35")
    except E36:
        print("handler 36")
    except E37:
        print("handler 37")
    except E38:
        print("handler 38")
    except E39:
        print("handler 39")
print("done")
