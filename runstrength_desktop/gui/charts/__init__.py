"""The progress tab's charts: one module per section, built once with pyqtgraph and filled
with setData from the series in runstrength_desktop.analysis."""
