/** A plain icon for the generated node: the connector's initial on a rounded square. */
export function iconSvg(title: string): string {
  const initial = (title.trim().charAt(0) || '?').toUpperCase().replace(/[<>&"]/g, '');
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="60" viewBox="0 0 60 60">',
    '<rect width="60" height="60" rx="12" fill="#0875e1"/>',
    `<text x="30" y="41" font-family="Arial, sans-serif" font-size="32" font-weight="bold" fill="#ffffff" text-anchor="middle">${initial}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
