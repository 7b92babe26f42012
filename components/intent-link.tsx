"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * next/link that prefetches on intent (pointer over, focus, touch) instead of for every link that scrolls into view:
 * a sidebar of 40 links would otherwise fetch 40 routes on load. An explicit `prefetch` prop is kept.
 */
export default function IntentLink({
  prefetch,
  onPointerEnter,
  onFocus,
  onTouchStart,
  ...props
}: ComponentProps<typeof Link>) {
  const router = useRouter();
  const warm = () => {
    if (prefetch === undefined && typeof props.href === "string" && props.href.startsWith("/"))
      router.prefetch(props.href);
  };
  return (
    <Link
      {...props}
      prefetch={prefetch ?? false}
      onPointerEnter={(e) => {
        warm();
        onPointerEnter?.(e);
      }}
      onFocus={(e) => {
        warm();
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        warm();
        onTouchStart?.(e);
      }}
    />
  );
}
