def load():
    return ''
