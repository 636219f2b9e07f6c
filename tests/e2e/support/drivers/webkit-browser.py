#!/usr/bin/python3
# A minimal WebKitGTK browser with ON-DISK website data, for WebKitWebDriver (stack.md item 13).
# The stock MiniBrowser keeps IndexedDB and service workers in memory, like Safari Private
# Browsing; every normal Safari user has them on disk, which is where WebKit bug 319640 (key
# cursors on an empty index) bites. WebKitWebDriver launches this with `--automation`; the data
# directory comes from `--data-dir=PATH` (the test profile, so a relaunch finds the same data).
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import Gtk, WebKit2  # noqa: E402

data_dir = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--data-dir=")), None)
if not data_dir:
    sys.exit("usage: webkit-browser.py --automation --data-dir=PATH")

manager = WebKit2.WebsiteDataManager(
    base_data_directory=f"{data_dir}/data", base_cache_directory=f"{data_dir}/cache"
)
context = WebKit2.WebContext.new_with_website_data_manager(manager)
context.set_automation_allowed(True)
windows = []


def create_web_view(_session):
    view = WebKit2.WebView(web_context=context, is_controlled_by_automation=True)
    window = Gtk.Window()
    window.set_default_size(480, 800)
    window.add(view)
    window.connect("destroy", lambda *_: windows.remove(window) if window in windows else None)
    windows.append(window)
    window.show_all()
    return view


def automation_started(_context, session):
    info = WebKit2.ApplicationInfo()
    info.set_name("PatuhWebKit")
    info.set_version(2, 50, 0)
    session.set_application_info(info)
    session.connect("create-web-view", create_web_view)


context.connect("automation-started", automation_started)
Gtk.main()
