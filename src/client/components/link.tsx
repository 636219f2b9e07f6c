import type { ComponentChildren } from "preact";
import { navigate } from "../app/router";

interface LinkProps {
  href: string;
  class?: string;
  children: ComponentChildren;
}

/** An ordinary <a> (works with middle-click, long-press, screen readers) that navigates in-app. */
export function Link({ href, class: className, children }: LinkProps) {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} class={className} onClick={onClick}>
      {children}
    </a>
  );
}
