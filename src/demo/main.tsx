import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '../react/styles.css'
import './taskly.css'
import { App } from './App'

const root = document.getElementById('root')
if (!root) throw new Error('index.html needs a #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
