/** URL schemes a link may carry, in the editor and in every import and export. */
export const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;
