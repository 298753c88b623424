"""The one door to Qt: every ui module imports Qt from here, so a binding change touches one file.

Names are re-exported explicitly (``X as X``) so that type checkers see them.
"""

from PySide6 import QtCore as QtCore
from PySide6 import QtGui as QtGui
from PySide6 import QtWidgets as QtWidgets
from PySide6.QtCore import (
    QAbstractItemModel as QAbstractItemModel,
    QAbstractTableModel as QAbstractTableModel,
)
from PySide6.QtCore import (
    QByteArray as QByteArray,
)
from PySide6.QtCore import (
    QCoreApplication as QCoreApplication,
)
from PySide6.QtCore import (
    QDate as QDate,
)
from PySide6.QtCore import (
    QElapsedTimer as QElapsedTimer,
)
from PySide6.QtCore import (
    QEvent as QEvent,
)
from PySide6.QtCore import (
    QItemSelectionModel as QItemSelectionModel,
)
from PySide6.QtCore import (
    QLibraryInfo as QLibraryInfo,
)
from PySide6.QtCore import (
    QLocale as QLocale,
)
from PySide6.QtCore import (
    QMimeData as QMimeData,
)
from PySide6.QtCore import (
    QModelIndex as QModelIndex,
)
from PySide6.QtCore import (
    QObject as QObject,
)
from PySide6.QtCore import (
    QPersistentModelIndex as QPersistentModelIndex,
)
from PySide6.QtCore import (
    QPoint as QPoint,
)
from PySide6.QtCore import (
    QRect as QRect,
    QRectF as QRectF,
)
from PySide6.QtCore import (
    QRunnable as QRunnable,
)
from PySide6.QtCore import (
    QSettings as QSettings,
)
from PySide6.QtCore import (
    QSize as QSize,
)
from PySide6.QtCore import (
    QSortFilterProxyModel as QSortFilterProxyModel,
)
from PySide6.QtCore import (
    Qt as Qt,
)
from PySide6.QtCore import (
    QThread as QThread,
)
from PySide6.QtCore import (
    QThreadPool as QThreadPool,
)
from PySide6.QtCore import (
    QTime as QTime,
)
from PySide6.QtCore import (
    QTimer as QTimer,
)
from PySide6.QtCore import (
    QTranslator as QTranslator,
)
from PySide6.QtCore import (
    QUrl as QUrl,
)
from PySide6.QtCore import (
    Signal as Signal,
)
from PySide6.QtCore import (
    Slot as Slot,
)
from PySide6.QtGui import (
    QAction as QAction,
)
from PySide6.QtGui import (
    QBrush as QBrush,
)
from PySide6.QtGui import (
    QCloseEvent as QCloseEvent,
)
from PySide6.QtGui import (
    QColor as QColor,
)
from PySide6.QtGui import (
    QDesktopServices as QDesktopServices,
)
from PySide6.QtGui import (
    QDragEnterEvent as QDragEnterEvent,
)
from PySide6.QtGui import (
    QDropEvent as QDropEvent,
)
from PySide6.QtGui import (
    QFocusEvent as QFocusEvent,
)
from PySide6.QtGui import (
    QFont as QFont,
)
from PySide6.QtGui import (
    QFontMetrics as QFontMetrics,
)
from PySide6.QtGui import (
    QGuiApplication as QGuiApplication,
)
from PySide6.QtGui import (
    QIcon as QIcon,
)
from PySide6.QtGui import (
    QHideEvent as QHideEvent,
    QKeyEvent as QKeyEvent,
    QKeySequence as QKeySequence,
)
from PySide6.QtGui import (
    QPainter as QPainter,
)
from PySide6.QtGui import (
    QPalette as QPalette,
)
from PySide6.QtGui import (
    QPen as QPen,
)
from PySide6.QtGui import (
    QPixmap as QPixmap,
    QResizeEvent as QResizeEvent,
    QTextCursor as QTextCursor,
)
from PySide6.QtGui import (
    QShortcut as QShortcut,
    QShowEvent as QShowEvent,
)
from PySide6.QtGui import (
    QStandardItem as QStandardItem,
)
from PySide6.QtGui import (
    QStandardItemModel as QStandardItemModel,
)
from PySide6.QtGui import (
    QTextOption as QTextOption,
)
from PySide6.QtGui import (
    QUndoCommand as QUndoCommand,
)
from PySide6.QtGui import (
    QUndoStack as QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView as QAbstractItemView,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea as QAbstractScrollArea,
)
from PySide6.QtWidgets import (
    QApplication as QApplication,
)
from PySide6.QtWidgets import (
    QCheckBox as QCheckBox,
)
from PySide6.QtWidgets import (
    QComboBox as QComboBox,
)
from PySide6.QtWidgets import (
    QDateEdit as QDateEdit,
)
from PySide6.QtWidgets import (
    QDialog as QDialog,
)
from PySide6.QtWidgets import (
    QDialogButtonBox as QDialogButtonBox,
)
from PySide6.QtWidgets import (
    QDockWidget as QDockWidget,
)
from PySide6.QtWidgets import (
    QFileDialog as QFileDialog,
)
from PySide6.QtWidgets import (
    QFormLayout as QFormLayout,
)
from PySide6.QtWidgets import (
    QFrame as QFrame,
)
from PySide6.QtWidgets import (
    QGridLayout as QGridLayout,
)
from PySide6.QtWidgets import (
    QGroupBox as QGroupBox,
)
from PySide6.QtWidgets import (
    QHBoxLayout as QHBoxLayout,
)
from PySide6.QtWidgets import (
    QHeaderView as QHeaderView,
)
from PySide6.QtWidgets import (
    QInputDialog as QInputDialog,
)
from PySide6.QtWidgets import (
    QLabel as QLabel,
)
from PySide6.QtWidgets import (
    QLineEdit as QLineEdit,
)
from PySide6.QtWidgets import (
    QListWidget as QListWidget,
)
from PySide6.QtWidgets import (
    QListWidgetItem as QListWidgetItem,
)
from PySide6.QtWidgets import (
    QMainWindow as QMainWindow,
)
from PySide6.QtWidgets import (
    QMenu as QMenu,
)
from PySide6.QtWidgets import (
    QMessageBox as QMessageBox,
)
from PySide6.QtWidgets import (
    QPlainTextEdit as QPlainTextEdit,
)
from PySide6.QtWidgets import (
    QProgressBar as QProgressBar,
)
from PySide6.QtWidgets import (
    QProgressDialog as QProgressDialog,
)
from PySide6.QtWidgets import (
    QPushButton as QPushButton,
)
from PySide6.QtWidgets import (
    QRadioButton as QRadioButton,
)
from PySide6.QtWidgets import (
    QScrollArea as QScrollArea,
)
from PySide6.QtWidgets import (
    QSizePolicy as QSizePolicy,
)
from PySide6.QtWidgets import (
    QSpinBox as QSpinBox,
)
from PySide6.QtWidgets import (
    QSplitter as QSplitter,
)
from PySide6.QtWidgets import (
    QStackedWidget as QStackedWidget,
)
from PySide6.QtWidgets import (
    QStatusBar as QStatusBar,
)
from PySide6.QtWidgets import (
    QStyle as QStyle,
)
from PySide6.QtWidgets import (
    QStyledItemDelegate as QStyledItemDelegate,
)
from PySide6.QtWidgets import (
    QStyleOptionViewItem as QStyleOptionViewItem,
)
from PySide6.QtWidgets import (
    QTableView as QTableView,
)
from PySide6.QtWidgets import (
    QTableWidget as QTableWidget,
)
from PySide6.QtWidgets import (
    QTableWidgetItem as QTableWidgetItem,
)
from PySide6.QtWidgets import (
    QTabWidget as QTabWidget,
)
from PySide6.QtWidgets import (
    QTextBrowser as QTextBrowser,
)
from PySide6.QtWidgets import (
    QTimeEdit as QTimeEdit,
)
from PySide6.QtWidgets import (
    QToolBar as QToolBar,
)
from PySide6.QtWidgets import (
    QToolButton as QToolButton,
)
from PySide6.QtWidgets import (
    QTreeView as QTreeView,
)
from PySide6.QtWidgets import (
    QTreeWidget as QTreeWidget,
)
from PySide6.QtWidgets import (
    QTreeWidgetItem as QTreeWidgetItem,
)
from PySide6.QtWidgets import (
    QVBoxLayout as QVBoxLayout,
)
from PySide6.QtWidgets import (
    QWidget as QWidget,
)
from PySide6.QtWidgets import (
    QWizard as QWizard,
)
from PySide6.QtWidgets import (
    QWizardPage as QWizardPage,
)
