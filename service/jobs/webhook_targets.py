"""Where a webhook may post: http(s) only, to addresses that are public once resolved. Loopback,
private, link-local (169.254.169.254, the cloud metadata address), shared, reserved, multicast and
unspecified addresses are refused — however they are written (2130706433, [::1], ::ffff:10.0.0.1) —
unless RASOAT_WEBHOOK_ALLOW names the host or a network holding the address (receivers on the
premises). Deliveries connect to the address that was checked (no second DNS answer in between).
"""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import RasoatError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeWebhookError(RasoatError):
    code = "unsafe_webhook_url"


@dataclass(frozen=True)
class Target:
    """A checked destination: the URL as registered and the address to connect to."""

    url: str
    host: str
    address: str


def allow_list(text: str) -> tuple[set[str], list[ipaddress.IPv4Network | ipaddress.IPv6Network]]:
    """RASOAT_WEBHOOK_ALLOW ("dms.local, 10.0.0.0/8, 127.0.0.1") as host names and networks."""
    hosts, networks = set(), []
    for item in (part.strip().lower() for part in text.split(",")):
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            hosts.add(item)
    return hosts, networks


def _public(address: Address) -> bool:
    mapped = getattr(address, "ipv4_mapped", None)
    address = mapped or address
    return address.is_global and not address.is_multicast


def check(url: str, allow: str = "") -> Target:
    """The target of `url` after resolving its host; UnsafeWebhookError when the scheme is not
    http(s), the host does not resolve, or an address it resolves to is not public (unless allowed)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeWebhookError("Địa chỉ webhook phải là URL http hoặc https có tên máy chủ.")
    host = parts.hostname.lower()
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError, OSError):
        raise UnsafeWebhookError(f"Không phân giải được tên máy chủ của webhook: {host}") from None
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in found]
    hosts, networks = allow_list(allow)
    allowed = host in hosts
    for address in addresses:
        if not (allowed or _public(address) or any(address in net for net in networks)):
            raise UnsafeWebhookError(f"Webhook tới địa chỉ nội bộ hoặc dành riêng ({address}) bị từ chối; "
                                     "nếu đây là máy nhận trong mạng nội bộ, thêm nó vào RASOAT_WEBHOOK_ALLOW.")
    return Target(url, host, str(addresses[0]))
