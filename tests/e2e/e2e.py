# e2e.py: what the end-to-end tests share: what they need to run, a deadline, logging, checks,
# the environment the app runs in, the app's strings in a language, and waiting on AT-SPI
#
# SPDX-License-Identifier: GPL-3.0-or-later

import gettext
import os
import re
import subprocess
import sys
import tempfile
import time

# Seconds the test may take in all; each script sets it below meson's timeout.
DEADLINE = 50

APP_NAME = 'sales-desk'

start = time.monotonic()


def left():
    return DEADLINE - (time.monotonic() - start)


def log(message):
    print(f'[{time.monotonic() - start:5.1f}s] {message}', flush=True)


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)
    log(f'ok: {message}')


def have_locale(name):
    try:
        out = subprocess.run(['locale', '-a'], capture_output=True, text=True).stdout
    except OSError:
        return False
    want = name.lower().replace('-', '')
    return any(line.strip().lower().replace('-', '') == want for line in out.splitlines())


# Where the stand-in notification daemon writes what the app sends it, one JSON line each.
NOTIFICATION_LOG = os.path.join(tempfile.gettempdir(),
                                f'sales-desk-e2e-notifications-{os.getuid()}')


def notification_server_running():
    out = subprocess.run(['gdbus', 'call', '--session', '--dest', 'org.freedesktop.DBus',
                          '--object-path', '/org/freedesktop/DBus',
                          '--method', 'org.freedesktop.DBus.NameHasOwner',
                          'org.freedesktop.Notifications'],
                         capture_output=True, text=True)
    return out.returncode == 0 and 'true' in out.stdout


def ensure_notification_server():
    """The app notifies due follow-ups; on the test bus nothing would receive them, and GIO
    warns (fatally, under the suite's G_DEBUG). Start the stand-in once per bus."""
    if notification_server_running():
        return
    server = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'notification-server.py')
    subprocess.Popen([sys.executable, server, NOTIFICATION_LOG], start_new_session=True,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    end = time.monotonic() + 10
    while not notification_server_running():
        if time.monotonic() > end:
            raise Failure('the stand-in notification daemon did not start')
        time.sleep(0.1)


def app_environment(lang, tmp):
    ensure_notification_server()
    env = dict(os.environ)
    # The rest of the suite runs with GTK's test accessibility backend and no bridge; this
    # test needs the real AT-SPI one.
    env.pop('NO_AT_BRIDGE', None)
    env['GTK_A11Y'] = 'atspi'
    env['GSETTINGS_BACKEND'] = 'memory'
    env['ADW_DISABLE_PORTAL'] = '1'
    env['GTK_USE_PORTAL'] = '0'
    for var, sub in (('HOME', 'home'), ('XDG_DATA_HOME', 'data'), ('XDG_CONFIG_HOME', 'config'),
                     ('XDG_CACHE_HOME', 'cache'), ('XDG_STATE_HOME', 'state')):
        path = os.path.join(tmp, sub)
        os.makedirs(path, exist_ok=True)
        env[var] = path
    if lang == 'en':
        env['LANGUAGE'] = 'en'
        env['LANG'] = env['LC_ALL'] = 'C.UTF-8'
    else:
        env['LANGUAGE'] = lang
        # glibc honours LANGUAGE under C.UTF-8 too, but a real zh_CN locale is what a user
        # has; the developer script generates it.
        locale = f'{lang}.UTF-8'
        env['LANG'] = env['LC_ALL'] = locale if have_locale(locale) else 'C.UTF-8'
        log(f'LANG={env["LANG"]} LANGUAGE={env["LANGUAGE"]}')
    return env


# Warnings of the app's own making; it runs without fatal-warnings, as the AT-SPI bridge may
# warn.
APP_WARNING = re.compile(r'(sales-\w+|Gtk|GLib-GObject|Adwaita)-(CRITICAL|WARNING)')


def stop_app(app, log_path, label=None, warnings_fail=True):
    """Ends @app if it still runs (SIGTERM, SIGKILL after 5 s) and prints what it wrote to
    @log_path. Returns False when that holds warnings of its own and @warnings_fail."""
    if app.poll() is None:
        app.terminate()
        try:
            app.wait(5)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
    with open(log_path) as f:
        output = f.read()
    which = f' ({label})' if label else ''
    if output.strip():
        print(f'--- output of the app{which} ---\n{output}--- end ---', flush=True)
    if warnings_fail and APP_WARNING.search(output):
        print(f'FAIL: the app printed warnings{which}', flush=True)
        return False
    return True


def find_app(desktop):
    for i in range(desktop.childCount):
        try:
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == APP_NAME:
                return app
        except Exception:
            continue
    return None


def wait_for(what, predicate, pump, timeout):
    end = time.monotonic() + min(timeout, max(left(), 0))
    while True:
        pump()
        try:
            value = predicate()
        except (Failure, KeyboardInterrupt):
            raise
        except Exception:  # the app may be between states or still busy; ask again
            value = None
        if value:
            return value
        if time.monotonic() > end:
            raise Failure(f'timed out waiting for {what}')
        time.sleep(0.2)


def walk(node, depth=0, limit=80, keep=None):
    """Every accessible below @node, depth first; dead nodes are passed over, and so are
    the children below the top for which keep(child) is false, with all within them."""
    if node is None or depth > limit:
        return
    yield node
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if depth == 0 or keep is None or keep(child):
            yield from walk(child, depth + 1, limit, keep)


def on_screen(pyatspi, node):
    """False when GTK 4.8 gives @node no extents: a hidden page of a stack, a list row
    scrolled out of sight, and all within them; True when it has no Component at all."""
    try:
        component = node.queryComponent()
    except NotImplementedError:
        return True
    except Exception:
        return False
    try:
        box = component.getExtents(pyatspi.WINDOW_COORDS)
    except Exception:
        return False
    return box.width > 0 and box.height > 0


def walk_showing(pyatspi, node, limit=80):
    """walk() without what is not on screen. Each node costs AT-SPI round trips: a walk of
    the whole main window with the sample data (over 2000 nodes, the hidden views
    included) takes more than 20 s on a loaded machine, longer than a wait_for() lasts."""
    return walk(node, limit=limit, keep=lambda child: on_screen(pyatspi, child))


def name_of(node):
    try:
        return node.name or ''
    except Exception:
        return ''


def window_origin(pid, min_width=200):
    """The X window id and screen position of the app's window (the first wider than
    min_width), from the X server; None until it is mapped."""
    ids = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(pid)],
                         capture_output=True, text=True).stdout.split()
    for wid in ids:
        out = subprocess.run(['xdotool', 'getwindowgeometry', wid], capture_output=True,
                             text=True).stdout
        position = re.search(r'Position:\s*(-?\d+),(-?\d+)', out)
        size = re.search(r'Geometry:\s*(\d+)x(\d+)', out)
        if position and size and int(size.group(1)) > min_width:
            return wid, int(position.group(1)), int(position.group(2))
    return None


def xdotool(*args):
    subprocess.run(['xdotool', *[str(a) for a in args]], check=True)


def preflight(tools=('xdotool',)):
    """What every test needs: an X display, a session bus, @tools and pyatspi. Without one
    of them, prints TAP's skip line and returns None; otherwise returns (pyatspi, pump),
    pump() running this process's pending GLib events (AT-SPI's replies)."""
    if not os.environ.get('DISPLAY'):
        print('1..0 # SKIP no X display (run under build-aux/sales-desk-dev test)')
        return None
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        print('1..0 # SKIP no session bus (run under build-aux/sales-desk-dev test)')
        return None
    for tool in tools:
        if subprocess.run(['which', tool], capture_output=True).returncode != 0:
            print(f'1..0 # SKIP {tool} is not installed')
            return None

    # GLib warnings of the AT-SPI client library are not the app's; keep them non-fatal in
    # this process (the app itself keeps the suite's G_DEBUG).
    debug = [d for d in os.environ.get('G_DEBUG', '').split(',') if d and d != 'fatal-warnings']
    os.environ['G_DEBUG'] = ','.join(debug)
    try:
        import pyatspi
        from gi.repository import GLib
    except ImportError as e:
        print(f'1..0 # SKIP pyatspi is not installed ({e})')
        return None

    context = GLib.MainContext.default()

    def pump():
        while context.pending():
            context.iteration(False)

    return pyatspi, pump


def catalogue(lang):
    """The app's translations in @lang, from the build tree's catalogues."""
    localedir = os.environ.get('SALES_DESK_LOCALEDIR')
    if lang != 'en' and localedir:
        return gettext.translation('sales-desk', localedir=localedir, languages=[lang],
                                   fallback=True)
    return gettext.NullTranslations()


def text_of(lang, message, context=None):
    c = catalogue(lang)
    return c.pgettext(context, message) if context else c.gettext(message)


def names(lang, message, context=None):
    """The names an accessible labelled @message may have in @lang: the label, without its
    mnemonic, and the two together, which is what GTK 4.8 reports for a mnemonic button."""
    text = text_of(lang, message, context)
    plain = text.replace('_', '')
    bare = re.sub(r'\(_\w\)', '', text).replace('_', '')
    return {text, plain, bare, f'{text} {plain}', f'{text} {bare}'}


def extents(pyatspi, node):
    """@node's box in its window as (x, y, width, height), or None when it has none."""
    try:
        box = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except Exception:
        return None
    if box.width <= 0 or box.height <= 0:
        return None
    return box.x, box.y, box.width, box.height


def showing(pyatspi, node):
    return extents(pyatspi, node) is not None
