#!/usr/bin/python3
# notification-server.py: a stand-in for the desktop's notification daemon on the test bus
#
#   notification-server.py LOG
#
# Owns org.freedesktop.Notifications on the session bus, as GNOME Shell does on a desktop,
# so that the app's GNotifications go somewhere under Xvfb; each notification is appended
# to LOG as one JSON line (app name, summary, body, and the process id of the sender) for
# the tests to read. Test runs on other buses at the same time write to the same LOG: the
# process id tells their apps' notifications apart. Exits when the bus goes away.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import sys

from gi.repository import Gio, GLib

INTERFACE = '''
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
  </interface>
</node>
'''


def sender_pid(connection, sender):
    try:
        reply = connection.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                                     'org.freedesktop.DBus', 'GetConnectionUnixProcessID',
                                     GLib.Variant('(s)', (sender,)), GLib.VariantType('(u)'),
                                     Gio.DBusCallFlags.NONE, -1, None)
    except GLib.Error:
        return None
    return reply.unpack()[0]


def main():
    log_path = sys.argv[1]
    loop = GLib.MainLoop()
    last_id = [0]

    def on_call(connection, sender, path, interface, method, params, invocation):
        if method == 'Notify':
            app_name, replaces, _icon, summary, body = params.unpack()[:5]
            last_id[0] += 1
            with open(log_path, 'a', encoding='utf-8') as log:
                log.write(json.dumps({'app': app_name, 'summary': summary, 'body': body,
                                      'pid': sender_pid(connection, sender)},
                                     ensure_ascii=False) + '\n')
            invocation.return_value(GLib.Variant('(u)', (replaces or last_id[0],)))
        elif method == 'GetCapabilities':
            invocation.return_value(GLib.Variant('(as)', (['body', 'actions'],)))
        elif method == 'GetServerInformation':
            invocation.return_value(GLib.Variant('(ssss)', ('test', 'sales-desk', '1', '1.2')))
        else:
            invocation.return_value(None)

    def on_bus(connection, name):
        node = Gio.DBusNodeInfo.new_for_xml(INTERFACE)
        connection.register_object('/org/freedesktop/Notifications', node.interfaces[0],
                                   on_call, None, None)

    Gio.bus_own_name(Gio.BusType.SESSION, 'org.freedesktop.Notifications',
                     Gio.BusNameOwnerFlags.NONE, on_bus, None, lambda *args: loop.quit())
    loop.run()


if __name__ == '__main__':
    main()
