"""The main window's shell: the window itself, its actions and menus, the application
context and store bridge, the start-up frame, settings, theme and language switching.
Features (annotate, review, audio, helpers, library, search, export…) live beside this
package in gui/ and reach the window only through `gui.window.features.FeatureWindow`."""
