import { useEffect, useState } from "react";
import { Button, type ButtonProps } from "./button";

/** Copies `text` to the clipboard and says so for two seconds. */
export function CopyButton({ text, label = "Copy", ...rest }: { text: string; label?: string } & Omit<ButtonProps, "onClick">) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  };

  return (
    <Button variant="secondary" size="sm" {...rest} onClick={copy} aria-label={`${label} ${text}`}>
      <span aria-live="polite">{state === "copied" ? "Copied!" : state === "failed" ? "Copy failed" : label}</span>
    </Button>
  );
}
