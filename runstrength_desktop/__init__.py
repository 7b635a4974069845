"""RunStrength Desktop: a strength-training logbook that knows the runs too."""

__version__ = "0.1.0"
APP_NAME = "RunStrength Desktop"
APP_ID = "io.github.runstrength.RunStrengthDesktop"
