# PyInstaller run-time hook of the standalone build, used instead of PyInstaller's own
# pyi_rth_pyside6 (packaging/briefing-reader.spec drops that one). Theirs imports QtCore at
# every start, to write a qt.conf that PySide6's wheels already make relocatable, which loads
# Qt (about 60 ms) for commands that never open a window (--version, list, export). This one
# only points Qt at the bundle's plugins; Qt is loaded when the window imports it.
import os
import sys

os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, "PySide6", "Qt", "plugins")
