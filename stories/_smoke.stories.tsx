import type { Meta, StoryObj } from '@storybook/react-vite'

const meta: Meta = { title: 'Smoke', render: () => <button type="button">Hello</button> }
export default meta
export const Default: StoryObj = {}
