"""Turning results into text: one pure function per output format, views for people, and writing
a report to a file without ever leaving half of one."""
